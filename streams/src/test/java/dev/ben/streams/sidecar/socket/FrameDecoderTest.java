package dev.ben.streams.sidecar.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.util.ByteStringBuilder;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private final FrameDecoder decoder =
      new FrameDecoder(1024, new PayloadParser(new ObjectMapper()));

  static ByteString raw(int lane, int type, ByteString payload) {
    ByteStringBuilder out = new ByteStringBuilder();
    out.putInt(2 + payload.size(), ByteOrder.BIG_ENDIAN)
        .putByte((byte) lane)
        .putByte((byte) type)
        .append(payload);
    return out.result();
  }

  static ByteString text(String s) {
    return ByteString.fromString(s, StandardCharsets.UTF_8);
  }

  static ByteString events(long seq, String ndjson) {
    return FrameWriter.frame(
        FrameType.EVENTS,
        new ByteStringBuilder().putLong(seq, ByteOrder.BIG_ENDIAN).append(text(ndjson)).result());
  }

  private Refusal refusal(Inbound inbound) {
    return assertInstanceOf(Inbound.Refused.class, inbound).refusal();
  }

  @Test
  void framesAreReadWhateverTheChunkBoundaries() {
    ByteString stream =
        FrameWriter.frame(FrameType.HELLO, text("{\"protocol\":1,\"key\":\"ben_app_shop_k\"}"))
            .concat(
                FrameWriter.frame(
                    FrameType.HELLO, text("{\"protocol\":1,\"app\":\"shop\",\"pipeline\":\"p\"}")))
            .concat(events(7, "{\"n\":1}\n{\"n\":2}\n"))
            .concat(FrameWriter.frame(FrameType.SIGNAL_ACK, text("{\"id\":3}")))
            .concat(FrameWriter.frame(FrameType.PING, ByteString.emptyByteString()))
            .concat(FrameWriter.frame(FrameType.BYE, ByteString.emptyByteString()));
    List<Inbound> read = new ArrayList<>();
    for (int i = 0; i < stream.size(); i++) {
      read.addAll(decoder.feed(stream.slice(i, i + 1)));
    }
    assertEquals(
        new Inbound.Hello(1, Optional.empty(), Optional.empty(), Optional.of("ben_app_shop_k")),
        read.get(0));
    assertEquals(
        new Inbound.Hello(1, Optional.of("shop"), Optional.of("p"), Optional.empty()), read.get(1));
    assertFalse(read.get(0).toString().contains("ben_app_shop_k"), "the key is never printed");
    Inbound.Events batch = assertInstanceOf(Inbound.Events.class, read.get(2));
    assertEquals(7, batch.seq());
    assertEquals("{\"n\":1}\n{\"n\":2}\n", batch.ndjson().utf8String());
    assertEquals(new Inbound.SignalAck(3), read.get(3));
    assertEquals(List.of(Inbound.Ping.INSTANCE, Inbound.Bye.INSTANCE), read.subList(4, 6));
    assertEquals(List.of(), decoder.finish());
  }

  @Test
  void anUnknownLaneOrTypeIsRefusedAloneAndTheNextFrameIsRead() {
    List<Inbound> read =
        decoder.feed(
            raw(9, 1, text("x"))
                .concat(raw(0, 99, ByteString.emptyByteString()))
                .concat(FrameWriter.frame(FrameType.ACK, text("{}")))
                .concat(events(1, "")));
    assertEquals(Refusal.UNKNOWN_LANE, refusal(read.get(0)).reason());
    assertEquals(Refusal.UNKNOWN_TYPE, refusal(read.get(1)).reason());
    assertEquals(Refusal.UNEXPECTED_TYPE, refusal(read.get(2)).reason());
    assertTrue(read.subList(0, 3).stream().noneMatch(r -> refusal(r).fatal()));
    assertInstanceOf(Inbound.Events.class, read.get(3));
  }

  @Test
  void malformedPayloadsAreRefusedWithWhatWasExpected() {
    List<Inbound> read =
        decoder.feed(
            FrameWriter.frame(FrameType.HELLO, text("{nope"))
                .concat(FrameWriter.frame(FrameType.HELLO, text("{\"protocol\":2,\"app\":\"a\"}")))
                .concat(
                    FrameWriter.frame(
                        FrameType.HELLO, text("{\"protocol\":1,\"app\":\"no spaces\"}")))
                .concat(FrameWriter.frame(FrameType.HELLO, text("{\"protocol\":1,\"key\":7}")))
                .concat(FrameWriter.frame(FrameType.EVENTS, text("short")))
                .concat(FrameWriter.frame(FrameType.SIGNAL_ACK, text("{\"id\":\"1\"}"))));
    assertEquals(
        List.of(
            Refusal.MALFORMED_PAYLOAD,
            Refusal.UNSUPPORTED_PROTOCOL,
            Refusal.BAD_NAME,
            Refusal.MALFORMED_PAYLOAD,
            Refusal.MALFORMED_PAYLOAD,
            Refusal.MALFORMED_PAYLOAD),
        read.stream().map(r -> refusal(r).reason()).toList());
    assertTrue(
        refusal(read.get(0)).message().contains("\"protocol\":1"), refusal(read.get(0)).message());
  }

  @Test
  void aBadLengthEndsTheSessionAndNothingAfterItIsRead() {
    ByteString tooLarge = new ByteStringBuilder().putInt(1025, ByteOrder.BIG_ENDIAN).result();
    List<Inbound> read = decoder.feed(tooLarge.concat(events(1, "{}\n")));
    assertEquals(1, read.size());
    Refusal refusal = refusal(read.get(0));
    assertEquals(Refusal.FRAME_TOO_LARGE, refusal.reason());
    assertTrue(refusal.fatal() && decoder.broken());
    assertTrue(refusal.message().contains("1024"), refusal.message());
    assertEquals(List.of(), decoder.feed(events(2, "{}\n")));

    FrameDecoder other = new FrameDecoder(1024, new PayloadParser(new ObjectMapper()));
    assertEquals(
        Refusal.FRAME_TOO_SHORT,
        refusal(other.feed(ByteString.fromArray(new byte[] {0, 0, 0, 1, 0})).get(0)).reason());
  }

  @Test
  void aConnectionEndingMidFrameIsReported() {
    ByteString frame = events(1, "{\"n\":1}\n");
    assertEquals(List.of(), decoder.feed(frame.take(frame.size() - 2)));
    assertEquals(Refusal.TRUNCATED_FRAME, refusal(decoder.finish().get(0)).reason());
  }
}
