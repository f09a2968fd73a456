package dev.ben.actors.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.control.DetectorValue;
import dev.ben.api.control.InvokeReply;
import io.grpc.Status;
import java.util.Map;
import org.apache.pekko.grpc.GrpcServiceException;

/**
 * An invocation's outcome in the gRPC twin's terms: a decision as the reply (built from the same
 * JSON the HTTP answer is, so the two cannot drift apart), a refusal as the status its kind maps
 * to, with the HTTP answer's message.
 */
public final class InvokeReplies {

  private final ObjectMapper mapper;

  public InvokeReplies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The HTTP answer's body: the event's id and pipeline, the contract version, the decisions, and
   * how many events are unconfirmed when any is.
   */
  public ObjectNode json(InvokeOutcome.Decided decided) {
    ObjectNode body =
        mapper
            .createObjectNode()
            .put("event_id", decided.envelope().eventId())
            .put("pipeline", decided.envelope().pipeline())
            .put("contract_version", decided.evaluation().contractVersion());
    body.setAll(decided.evaluation().decisionsJson(mapper));
    unconfirmed(body, decided.unconfirmed());
    return body;
  }

  /**
   * Says how many accepted events had not reached their final outcome within the ack timeout
   * ({@code ben.ingest.ack = stored}); nothing when all had. Every ingest answer says it so.
   */
  public static void unconfirmed(ObjectNode body, long unconfirmed) {
    if (unconfirmed > 0) {
      body.put("unconfirmed", unconfirmed);
      body.put(
          "warning",
          unconfirmed
              + " accepted events had not reached the store within ben.ingest.ack-timeout;"
              + " they are durable on the node and will be stored, do not resend them");
    }
  }

  public InvokeReply reply(InvokeOutcome.Decided decided) {
    ObjectNode json = json(decided);
    InvokeReply.Builder reply =
        InvokeReply.newBuilder()
            .setEventId(json.path("event_id").asText())
            .setPipeline(json.path("pipeline").asText())
            .setContractVersion(json.path("contract_version").asLong())
            .setSchema(text(json.path("schema")))
            .setAction(text(json.path("action")))
            .setUnconfirmed(json.path("unconfirmed").asLong(0))
            .setWarning(text(json.path("warning")))
            .setPlaybooksJson(playbooks(json.path("playbooks")));
    json.path("bits").forEach(bit -> reply.addBits(bit.asText()));
    json.path("rules").forEach(rule -> reply.addRules(rule.asText()));
    json.path("facts").properties().forEach(f -> reply.putFacts(f.getKey(), text(f.getValue())));
    json.path("detectors").properties().forEach(d -> reply.addDetectors(detector(d)));
    if (json.path("score").isNumber()) {
      reply.setScore(json.path("score").asDouble());
    }
    return reply.build();
  }

  /** A refusal as the gRPC status its kind maps to, with the same message as over HTTP. */
  public static GrpcServiceException refusal(InvokeOutcome.Refused refused) {
    return new GrpcServiceException(
        Status.fromCode(refused.refusal().grpcCode()).withDescription(refused.message()));
  }

  private static DetectorValue detector(Map.Entry<String, JsonNode> feature) {
    DetectorValue.Builder value = DetectorValue.newBuilder().setName(feature.getKey());
    if (feature.getValue().isNumber()) {
      value.setValue(feature.getValue().asDouble());
    }
    return value.build();
  }

  private String playbooks(JsonNode playbooks) {
    try {
      return playbooks.isMissingNode() ? "[]" : mapper.writeValueAsString(playbooks);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render playbook outcomes", e);
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }
}
