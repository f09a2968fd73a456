package dev.ben.streams.detector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event as a detector shard needs it, possibly on another member: the redacted event (detectors
 * never see a value in clear), the spine's decisions by name, and the time detection runs at.
 */
public record DetectInput(
    ObjectNode event,
    List<String> bits,
    List<String> rules,
    Map<String, String> facts,
    long atMillis) {

  public DetectInput {
    Objects.requireNonNull(event, "event");
    bits = List.copyOf(bits);
    rules = List.copyOf(rules);
    facts = Map.copyOf(facts);
  }
}
