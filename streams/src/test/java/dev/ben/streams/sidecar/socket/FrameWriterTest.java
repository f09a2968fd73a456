package dev.ben.streams.sidecar.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.IngestReport;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

class FrameWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FrameWriter writer = new FrameWriter(JSON);

  /** The frame's lane and type, checked against its declared length, and its payload. */
  private static ByteString payload(ByteString frame, FrameType expected) {
    assertEquals(frame.size() - 4, frame.iterator().getInt(ByteOrder.BIG_ENDIAN));
    assertEquals(expected.lane(), frame.apply(4));
    assertEquals(expected.code(), frame.apply(5));
    return frame.drop(6);
  }

  private static JsonNode json(ByteString frame, FrameType expected) throws Exception {
    return JSON.readTree(payload(frame, expected).toArray());
  }

  @Test
  void anAckSaysWhatWasAcceptedAndWhichLinesWereRefusedAndWhy() throws Exception {
    JsonNode ack =
        json(
            writer.ack(
                9,
                new IngestReport(
                    2,
                    1,
                    List.of(new EventParser.Refused(2, "malformed_json", "not valid JSON")),
                    0)),
            FrameType.ACK);
    assertEquals(9, ack.get("seq").asLong());
    assertEquals(2, ack.get("accepted").asLong());
    assertEquals(1, ack.get("refused").asLong());
    assertEquals(2, ack.get("refusals").get(0).get("line").asLong());
    assertEquals("malformed_json", ack.get("refusals").get(0).get("reason").asText());
    assertEquals(false, ack.get("overloaded").asBoolean());
    assertFalse(ack.has("unconfirmed"), "every accepted event confirmed, or not awaited");
  }

  @Test
  void anAckWhoseEventsWereNotAllStoredInTimeSaysHowManyAreUnconfirmed() throws Exception {
    JsonNode ack =
        json(writer.ack(3, new IngestReport(5, 0, List.of(), 0).confirmed(2)), FrameType.ACK);
    assertEquals(5, ack.get("accepted").asLong());
    assertEquals(3, ack.get("unconfirmed").asLong());
  }

  @Test
  void welcomeErrorSignalPongAndByeFrames() throws Exception {
    JsonNode welcome =
        json(writer.welcome("s1", "shop", "auth", 4096, Duration.ofSeconds(3)), FrameType.WELCOME);
    assertEquals("auth", welcome.get("pipeline").asText());
    assertEquals(4096, welcome.get("max_frame").asInt());
    assertEquals(3000, welcome.get("idle_timeout_ms").asLong());
    JsonNode error =
        json(
            writer.error(new Refusal("unknown_type", "say \"why\"", false, OptionalLong.of(4))),
            FrameType.ERROR);
    assertEquals("say \"why\"", error.get("message").asText());
    assertEquals(4, error.get("seq").asLong());
    ByteString signal = payload(FrameWriter.signal(5, "{\"a\":1}".getBytes()), FrameType.SIGNAL);
    assertEquals(5, signal.iterator().getLong(ByteOrder.BIG_ENDIAN));
    assertEquals("{\"a\":1}", signal.drop(8).utf8String());
    assertEquals(0, payload(FrameWriter.pong(), FrameType.PONG).size());
    assertEquals(0, payload(FrameWriter.bye(), FrameType.BYE).size());
  }
}
