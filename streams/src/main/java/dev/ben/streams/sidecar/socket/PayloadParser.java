package dev.ben.streams.sidecar.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.sidecar.Names;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Optional;
import org.apache.pekko.util.ByteString;

/**
 * Turns one frame's lane, type and payload into the message a client sent, or into a refusal saying
 * what is wrong with it. Stateless: whether a message is allowed at this point of the session is
 * the session's business.
 */
public final class PayloadParser {

  private final ObjectMapper mapper;

  public PayloadParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Inbound parse(int lane, int code, ByteString payload) {
    if (!FrameType.knownLane(lane)) {
      return refused(
          Refusal.UNKNOWN_LANE,
          "lane " + lane + " does not exist; lane 0 is control, lane 1 is events");
    }
    Optional<FrameType> type = FrameType.of(lane, code);
    if (type.isEmpty()) {
      return refused(
          Refusal.UNKNOWN_TYPE,
          "lane "
              + lane
              + " has no frame type "
              + code
              + "; see docs/socket-sidecar.md for the types a client sends");
    }
    if (!type.get().fromClient()) {
      return refused(
          Refusal.UNEXPECTED_TYPE, type.get() + " frames are sent by the server, never to it");
    }
    return switch (type.get()) {
      case HELLO -> hello(payload);
      case EVENTS -> events(payload);
      case SIGNAL_ACK -> signalAck(payload);
      case PING -> Inbound.Ping.INSTANCE;
      default -> Inbound.Bye.INSTANCE;
    };
  }

  private Inbound hello(ByteString payload) {
    JsonNode hello = json(payload);
    if (hello == null || !hello.isObject()) {
      return refused(
          Refusal.MALFORMED_PAYLOAD,
          "HELLO must be a JSON object such as "
              + "{\"protocol\":1,\"key\":\"ben_app_shop_...\",\"pipeline\":\"auth\"}");
    }
    if (!hello.path("protocol").canConvertToInt()
        || hello.path("protocol").asInt() != FrameType.PROTOCOL) {
      return refused(
          Refusal.UNSUPPORTED_PROTOCOL,
          "this node speaks protocol "
              + FrameType.PROTOCOL
              + ", the HELLO asked for "
              + hello.path("protocol")
              + "; use a client of protocol "
              + FrameType.PROTOCOL);
    }
    JsonNode app = hello.path("app");
    JsonNode pipeline = hello.path("pipeline");
    JsonNode key = hello.path("key");
    if (!absent(app) && (!app.isTextual() || !Names.valid(app.asText()))) {
      return refused(Refusal.BAD_NAME, "the HELLO's app must be " + Names.RULE + ", got " + app);
    }
    if (!absent(key) && !key.isTextual()) {
      return refused(
          Refusal.MALFORMED_PAYLOAD, "the HELLO's key must be a string, the app's key as issued");
    }
    if (!pipeline.isMissingNode()
        && !pipeline.isNull()
        && (!pipeline.isTextual() || !Names.valid(pipeline.asText()))) {
      return refused(
          Refusal.BAD_NAME, "the HELLO's pipeline must be " + Names.RULE + ", got " + pipeline);
    }
    return new Inbound.Hello(
        FrameType.PROTOCOL,
        app.isTextual() ? Optional.of(app.asText()) : Optional.empty(),
        pipeline.isTextual() ? Optional.of(pipeline.asText()) : Optional.empty(),
        key.isTextual() ? Optional.of(key.asText()) : Optional.empty());
  }

  private static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  private Inbound events(ByteString payload) {
    if (payload.size() < Long.BYTES) {
      return refused(
          Refusal.MALFORMED_PAYLOAD,
          "an EVENTS frame starts with its u64 big-endian batch sequence, "
              + "but this one has only "
              + payload.size()
              + " payload bytes");
    }
    return new Inbound.Events(
        payload.iterator().getLong(ByteOrder.BIG_ENDIAN), payload.drop(Long.BYTES));
  }

  private Inbound signalAck(ByteString payload) {
    JsonNode ack = json(payload);
    if (ack == null
        || !ack.path("id").canConvertToLong()
        || !ack.path("id").isIntegralNumber()
        || ack.path("id").asLong() < 1) {
      return refused(
          Refusal.MALFORMED_PAYLOAD,
          "SIGNAL_ACK must be {\"id\":N} with the id of the SIGNAL frame " + "it acknowledges");
    }
    return new Inbound.SignalAck(ack.path("id").asLong());
  }

  private JsonNode json(ByteString payload) {
    try {
      return mapper.readTree(payload.toArrayUnsafe());
    } catch (IOException e) {
      return null;
    }
  }

  private static Inbound refused(String reason, String message) {
    return new Inbound.Refused(Refusal.of(reason, message));
  }
}
