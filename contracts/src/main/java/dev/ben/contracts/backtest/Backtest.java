package dev.ben.contracts.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Redaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One backtest of a pipeline: each event, handed in event-time order, runs through the active
 * version ({@code baseline}) and the candidate on the test bench's engines, each side from empty
 * detector state carried from event to event, so windows, cooldowns and bounds behave as they would
 * have. Only counts and a bounded list of changed events are kept. Not thread-safe: one owner feeds
 * it.
 */
public final class Backtest {

  private static final ObjectMapper JSON = ModelJson.mapper();

  private final String pipeline;
  private final ReplaySide baseline;
  private final ReplaySide candidate;
  private final RedactedReads redacted;
  private final ChangedEvents changed;
  private long events;

  /**
   * @param hashKey the deployment key for {@code hash(keyed)} redactions
   * @param storedRedacted per schema, the fields the replayed events hold only redacted (none for
   *     events given in the clear); see {@link #redactedFields}
   * @param changedShown how many changed events the report names (all are counted)
   * @throws IllegalArgumentException when either set has no such pipeline or does not build
   */
  public Backtest(
      ContractSet baseline,
      ContractSet candidate,
      String pipeline,
      byte[] hashKey,
      Map<String, Set<String>> storedRedacted,
      int changedShown) {
    this.pipeline = pipeline;
    this.baseline = new ReplaySide(baseline, pipeline, hashKey);
    this.candidate = new ReplaySide(candidate, pipeline, hashKey);
    this.redacted =
        new RedactedReads(candidate, this.candidate.pipeline(), Map.copyOf(storedRedacted));
    this.changed = new ChangedEvents(changedShown);
    for (ReplaySide side : List.of(this.baseline, this.candidate)) {
      side.declareTo(this.baseline.tally());
      side.declareTo(this.candidate.tally());
    }
  }

  /**
   * Per schema of the pipeline, the fields its policies redact before anything is stored: what
   * events stored under {@code contracts} hold only redacted.
   */
  public static Map<String, Set<String>> redactedFields(ContractSet contracts, String pipeline) {
    Pipeline declared = ReplaySide.pipeline(contracts, pipeline);
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    for (String name : declared.policies()) {
      PolicyPack policy = contracts.policy(name).orElseThrow();
      Set<String> schema = fields.computeIfAbsent(policy.schema(), s -> new LinkedHashSet<>());
      policy.redactions().stream().map(Redaction::field).forEach(schema::add);
    }
    return fields;
  }

  /** The schemas the active version's pipeline takes, in declaration order. */
  public List<String> schemas() {
    return baseline.pipeline().schemas();
  }

  /** Replays one event of {@code schema} (JSON text) through both sides. */
  public void replay(String schema, String eventId, String json) {
    events++;
    if (!redacted.isEmpty()) {
      JsonNode parsed = parsed(json);
      if (parsed instanceof ObjectNode) {
        redacted.count(schema, parsed);
      }
    }
    int ordinal = (int) Math.min(events, Integer.MAX_VALUE);
    JsonNode before = baseline.run(schema, ordinal, json);
    JsonNode after = candidate.run(schema, ordinal, json);
    String was = decision(before);
    String is = decision(after);
    if (!was.equals(is)) {
      changed.add(eventId, was, is);
    }
  }

  private static JsonNode parsed(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  /** An outcome in short: the action and each playbook's status, or that it was refused. */
  static String decision(JsonNode outcome) {
    if (outcome.has(SideTally.REFUSED)) {
      return SideTally.REFUSED;
    }
    StringBuilder text = new StringBuilder(outcome.path("action").asText("pass"));
    for (JsonNode playbook : outcome.path("playbooks")) {
      text.append(", ")
          .append(playbook.path("playbook").asText())
          .append(' ')
          .append(playbook.path("status").asText().toLowerCase(java.util.Locale.ROOT));
    }
    return text.toString();
  }

  public long events() {
    return events;
  }

  public long changed() {
    return changed.total();
  }

  public BacktestReport report() {
    List<BacktestReport.Count> counts = new ArrayList<>();
    counts.add(
        new BacktestReport.Count(
            SideTally.EVENTS,
            "*",
            SideTally.REFUSED,
            baseline.tally().refused(),
            candidate.tally().refused()));
    for (String key : baseline.tally().keys()) {
      String[] parts = key.split("/", 3);
      counts.add(
          new BacktestReport.Count(
              parts[0], parts[1], parts[2], baseline.tally().get(key), candidate.tally().get(key)));
    }
    return new BacktestReport(
        pipeline,
        baseline.version(),
        candidate.version(),
        events,
        counts,
        changed.total(),
        changed.first(),
        redacted.report());
  }
}
