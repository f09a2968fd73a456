package dev.ben.streams.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.DecidedEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event as a detector shard needs it, possibly on another member: the redacted event (detectors
 * never see a value in clear), the spine's decisions by name, and the time detection runs at. A
 * shard in the same process reads {@code decided} instead, the typed event and the decisions as the
 * spine left them, when they are of the shard's contract version; it is never written, so a shard
 * on another member (or a round read back) has null there and reads the body and the names.
 */
public record DetectInput(
    ObjectNode event,
    List<String> bits,
    List<String> rules,
    Map<String, String> facts,
    long atMillis,
    @JsonIgnore DecidedEvent decided) {

  /**
   * An input without the typed hand-off: a shard reads its body and the names. Also how an input is
   * read back, so reading never looks into the typed part's classes.
   */
  @JsonCreator
  public DetectInput(
      @JsonProperty("event") ObjectNode event,
      @JsonProperty("bits") List<String> bits,
      @JsonProperty("rules") List<String> rules,
      @JsonProperty("facts") Map<String, String> facts,
      @JsonProperty("atMillis") long atMillis) {
    this(event, bits, rules, facts, atMillis, null);
  }

  public DetectInput {
    Objects.requireNonNull(event, "event");
    bits = List.copyOf(bits);
    rules = List.copyOf(rules);
    facts = Map.copyOf(facts);
  }
}
