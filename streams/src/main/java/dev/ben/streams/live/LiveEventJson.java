package dev.ben.streams.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.model.Redaction;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ActiveContract;
import java.util.List;

/**
 * The live-feed message for one event: {@code
 * {"type":"event","pipeline":..,"app":..,"event_id":..,"received_at":..,"body":{..}}}, and once a
 * contract decided it {@code "decisions":{"rules":[..],"action":..,"facts":{..},"redacted":[..],
 * "playbooks":[..],"contract_version":n}}, where {@code redacted} names the fields the deciding
 * version's policies redact (the body shows them already redacted) and {@code playbooks} the
 * playbooks the detectors found holding, fired or suppressed, in the fields of {@code benctl test
 * -o json} a reader needs beside the event. Rendered only while someone watches the tap, which
 * follows the detector stage.
 */
public final class LiveEventJson {

  private LiveEventJson() {}

  /** An event no contract decided (a pass-through pipeline), or whose redactions are unknown. */
  public static String render(ObjectMapper mapper, Envelope envelope) {
    return render(mapper, envelope, List.of());
  }

  public static String render(ObjectMapper mapper, Envelope envelope, List<String> redacted) {
    ObjectNode message =
        mapper
            .createObjectNode()
            .put("type", "event")
            .put("pipeline", envelope.pipeline())
            .put("app", envelope.app())
            .put("event_id", envelope.eventId())
            .put("received_at", envelope.receivedAtMillis());
    message.set("body", envelope.body());
    if (envelope.evaluation() != null) {
      EvaluationResult result = envelope.evaluation().result();
      ObjectNode decisions = message.putObject("decisions");
      ArrayNode rules = decisions.putArray("rules");
      result.rules().forEach(rules::add);
      decisions.put("action", result.action());
      ObjectNode facts = decisions.putObject("facts");
      result.facts().forEach(facts::put);
      ArrayNode fields = decisions.putArray("redacted");
      redacted.forEach(fields::add);
      ArrayNode playbooks = decisions.putArray("playbooks");
      if (result.playbooks() != null) {
        result.playbooks().forEach(outcome -> playbooks.add(playbook(mapper, outcome)));
      }
      decisions.put("contract_version", envelope.evaluation().contractVersion());
    }
    try {
      return mapper.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      // An ObjectNode built from parsed JSON always serialises; reaching this is a bug worth
      // failing the stage.
      throw new IllegalStateException("cannot render event " + envelope.eventId(), e);
    }
  }

  private static ObjectNode playbook(ObjectMapper mapper, PlaybookOutcome outcome) {
    return mapper
        .createObjectNode()
        .put("playbook", outcome.playbook())
        .put("status", outcome.status().name())
        .put("signal", outcome.signal())
        .put("explanation", outcome.explanation())
        .put("reason", outcome.reason());
  }

  /** The fields the version's policies for {@code schema} redact, in policy order. */
  public static List<String> redactedFields(ActiveContract contract, String schema) {
    var contracts = contract.runtime().contracts();
    return contract.runtime().pipeline().policies().stream()
        .flatMap(name -> contracts.policy(name).stream())
        .filter(policy -> policy.schema().equals(schema))
        .flatMap(policy -> policy.redactions().stream())
        .map(Redaction::field)
        .distinct()
        .toList();
  }
}
