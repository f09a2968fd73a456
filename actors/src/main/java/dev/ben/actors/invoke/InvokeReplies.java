package dev.ben.actors.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.control.DetectorValue;
import dev.ben.api.control.InvokeReply;
import io.grpc.Status;
import java.util.Map;
import org.apache.pekko.grpc.GrpcServiceException;

/**
 * An invocation's outcome in each transport's terms: a decision as the HTTP answer's JSON body or
 * the gRPC reply, both made from the one {@link InvokeAnswer} (so the two cannot drift apart); a
 * refusal as the gRPC status its kind maps to, with the HTTP answer's message.
 */
public final class InvokeReplies {

  private final ObjectWriter answers;
  private final ObjectWriter playbooks;

  public InvokeReplies(ObjectMapper mapper) {
    this.answers = mapper.writerFor(InvokeAnswer.class);
    this.playbooks = mapper.writer();
  }

  /**
   * The HTTP answer's body: the event's id and pipeline, the contract version, the decisions, and
   * how many events are unconfirmed when any is.
   */
  public byte[] json(InvokeOutcome.Decided decided) {
    try {
      return answers.writeValueAsBytes(InvokeAnswer.of(decided));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render an invocation's answer", e);
    }
  }

  /**
   * Says how many accepted events had not reached their final outcome within the ack timeout
   * ({@code ben.ingest.ack = stored}); nothing when all had. Every ingest answer says it so.
   */
  public static void unconfirmed(ObjectNode body, long unconfirmed) {
    if (unconfirmed > 0) {
      body.put("unconfirmed", unconfirmed);
      body.put("warning", warning(unconfirmed));
    }
  }

  static String warning(long unconfirmed) {
    return unconfirmed
        + " accepted events had not reached the store within ben.ingest.ack-timeout;"
        + " they are durable on the node and will be stored, do not resend them";
  }

  public InvokeReply reply(InvokeOutcome.Decided decided) {
    InvokeAnswer answer = InvokeAnswer.of(decided);
    InvokeReply.Builder reply =
        InvokeReply.newBuilder()
            .setEventId(answer.eventId())
            .setPipeline(answer.pipeline())
            .setContractVersion(answer.contractVersion())
            .setSchema(text(answer.schema()))
            .setAction(text(answer.action()))
            .setUnconfirmed(answer.unconfirmed())
            .setWarning(text(answer.warning()))
            .setPlaybooksJson(playbooks(answer));
    if (answer.bits() != null) {
      reply.addAllBits(answer.bits());
    }
    if (answer.rules() != null) {
      reply.addAllRules(answer.rules());
    }
    if (answer.facts() != null) {
      answer.facts().forEach((name, value) -> reply.putFacts(name, text(value)));
    }
    if (answer.detectors() != null) {
      answer.detectors().entrySet().forEach(d -> reply.addDetectors(detector(d)));
    }
    if (answer.score() != null) {
      reply.setScore(answer.score());
    }
    return reply.build();
  }

  /** A refusal as the gRPC status its kind maps to, with the same message as over HTTP. */
  public static GrpcServiceException refusal(InvokeOutcome.Refused refused) {
    return new GrpcServiceException(
        Status.fromCode(refused.refusal().grpcCode()).withDescription(refused.message()));
  }

  private static DetectorValue detector(Map.Entry<String, Double> feature) {
    DetectorValue.Builder value = DetectorValue.newBuilder().setName(feature.getKey());
    if (feature.getValue() != null) {
      value.setValue(feature.getValue());
    }
    return value.build();
  }

  private String playbooks(InvokeAnswer answer) {
    try {
      return playbooks.writeValueAsString(answer.playbooks());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render playbook outcomes", e);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
