package dev.ben.streams.sidecar.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.IngestReport;
import java.nio.ByteOrder;
import java.time.Duration;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.util.ByteStringBuilder;

/**
 * Writes the frames a server sends: every payload is JSON except SIGNAL's id prefix and the empty
 * PONG and BYE.
 */
public final class FrameWriter {

  private final ObjectMapper mapper;

  public FrameWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * {@code u32 length | u8 lane | u8 type | payload}, the length counting lane, type and payload.
   */
  public static ByteString frame(FrameType type, ByteString payload) {
    ByteStringBuilder out = new ByteStringBuilder();
    out.putInt(FrameType.HEADER_BYTES + payload.size(), ByteOrder.BIG_ENDIAN);
    out.putByte((byte) type.lane());
    out.putByte((byte) type.code());
    out.append(payload);
    return out.result();
  }

  public ByteString welcome(
      String session, String app, String pipeline, int maxFrameBytes, Duration idleTimeout) {
    ObjectNode welcome =
        mapper
            .createObjectNode()
            .put("session", session)
            .put("protocol", FrameType.PROTOCOL)
            .put("app", app)
            .put("pipeline", pipeline)
            .put("max_frame", maxFrameBytes)
            .put("idle_timeout_ms", idleTimeout.toMillis());
    return json(FrameType.WELCOME, welcome);
  }

  /** The answer to batch {@code seq}, shaped like the HTTP sidecar's answer to one request. */
  public ByteString ack(long seq, IngestReport report) {
    ObjectNode ack =
        mapper
            .createObjectNode()
            .put("seq", seq)
            .put("accepted", report.accepted())
            .put("refused", report.refused());
    ArrayNode refusals = ack.putArray("refusals");
    for (EventParser.Refused refused : report.refusals()) {
      refusals
          .addObject()
          .put("line", refused.line())
          .put("reason", refused.reason())
          .put("detail", refused.detail());
    }
    ack.put("overloaded", report.overloaded()).put("resume_from_line", report.resumeFromLine());
    // Only when ben.ingest.ack = stored and the ack timeout passed first, as in the HTTP answer.
    if (report.unconfirmed() > 0) {
      ack.put("unconfirmed", report.unconfirmed());
    }
    return json(FrameType.ACK, ack);
  }

  /**
   * A signal under this session's delivery id, the JSON exactly as the server-sent-event stream
   * carries it.
   */
  public static ByteString signal(long id, byte[] signalJson) {
    ByteStringBuilder payload = new ByteStringBuilder();
    payload.putLong(id, ByteOrder.BIG_ENDIAN);
    payload.putBytes(signalJson);
    return frame(FrameType.SIGNAL, payload.result());
  }

  public ByteString error(Refusal refusal) {
    ObjectNode error =
        mapper
            .createObjectNode()
            .put("reason", refusal.reason())
            .put("message", refusal.message())
            .put("fatal", refusal.fatal());
    refusal.seq().ifPresent(seq -> error.put("seq", seq));
    return json(FrameType.ERROR, error);
  }

  public static ByteString pong() {
    return frame(FrameType.PONG, ByteString.emptyByteString());
  }

  public static ByteString bye() {
    return frame(FrameType.BYE, ByteString.emptyByteString());
  }

  private ByteString json(FrameType type, ObjectNode node) {
    try {
      return frame(type, ByteString.fromArrayUnsafe(mapper.writeValueAsBytes(node)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
