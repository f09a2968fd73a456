package dev.ben.actors.invoke;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import java.util.List;
import java.util.Map;

/**
 * What an invocation is answered, over either transport: the event's id and pipeline, the contract
 * version, the decisions (everything the spine and detectors decided but the redacted event, which
 * goes to the store, not to the caller), and how many events are unconfirmed when any is. Written
 * out as it is, without a tree in between: the HTTP body is this record as JSON, the gRPC reply is
 * built from its fields, so the two twins cannot drift apart.
 */
@JsonPropertyOrder({
  "event_id",
  "pipeline",
  "contract_version",
  "schema",
  "bits",
  "rules",
  "action",
  "facts",
  "detectors",
  "playbooks",
  "score",
  "unconfirmed",
  "warning"
})
record InvokeAnswer(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("pipeline") String pipeline,
    @JsonProperty("contract_version") long contractVersion,
    @JsonProperty("schema") String schema,
    @JsonProperty("bits") List<String> bits,
    @JsonProperty("rules") List<String> rules,
    @JsonProperty("action") String action,
    @JsonProperty("facts") Map<String, String> facts,
    @JsonProperty("detectors") Map<String, Double> detectors,
    @JsonProperty("playbooks") List<PlaybookOutcome> playbooks,
    @JsonProperty("score") Double score,
    @JsonProperty("unconfirmed") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long unconfirmed,
    @JsonProperty("warning") @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {

  static InvokeAnswer of(InvokeOutcome.Decided decided) {
    EvaluationResult result = decided.evaluation().result();
    long unconfirmed = decided.unconfirmed();
    return new InvokeAnswer(
        decided.envelope().eventId(),
        decided.envelope().pipeline(),
        decided.evaluation().contractVersion(),
        result.schema(),
        result.bits(),
        result.rules(),
        result.action(),
        result.facts(),
        result.detectors(),
        result.playbooks(),
        result.score(),
        unconfirmed,
        unconfirmed > 0 ? InvokeReplies.warning(unconfirmed) : null);
  }
}
