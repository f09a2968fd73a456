package dev.ben.streams.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.Envelope;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entries whose body is the bytes as sent read back exactly like entries of the written tree. */
class WalRecordTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Sent(byte[] array, int offset, int length) implements SentBytes {}

  /** The line inside a larger array, as the splitter hands it over. */
  private static Sent sentWithin(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    byte[] chunk = new byte[bytes.length + 10];
    System.arraycopy(bytes, 0, chunk, 7, bytes.length);
    return new Sent(chunk, 7, bytes.length);
  }

  private static Envelope event(String id, String pipeline, String app, String line)
      throws Exception {
    return new Envelope(id, pipeline, app, 1_714_557_600_123L, (ObjectNode) JSON.readTree(line));
  }

  @Test
  void anEntryOfTheSentBytesIsLaidOutAsTheWrittenTreeWouldBeAndReadsBackTheSame() throws Exception {
    for (String line :
        List.of(
            "{\"user\":\"ann\",\"attempts\":3,\"ok\":true,\"geo\":{\"ip\":\"198.51.100.7\"}}",
            "{\"f\":-0.5e-10,\"big\":18446744073709551615,\"s\":\"\\u00e9\\\"x\",\"z\":null}",
            "{\"n\":1.0,\"list\":[1,2,[3]],\"empty\":{}}")) {
      Envelope event = event("evt-1", "auth", "web", line);
      byte[] written = WalRecord.encode(event, JSON);
      byte[] sent = WalRecord.encode(event, sentWithin(line));

      assertEquals(event.logged(5), WalRecord.decode(sent, 5, JSON));
      assertEquals(WalRecord.decode(written, 5, JSON), WalRecord.decode(sent, 5, JSON));
    }
  }

  @Test
  void namesBeyondAsciiAreWrittenAsTheWriterOfEarlierEntriesWroteThem() throws Exception {
    String compact = "{\"a\":1}";
    Envelope event = event("id-\u00e9\u20ac\u0000", "p\u00fcpe", "app-\uD83D\uDE00", compact);

    assertArrayEquals(WalRecord.encode(event, JSON), WalRecord.encode(event, sentWithin(compact)));
    assertEquals(
        event.logged(1), WalRecord.decode(WalRecord.encode(event, sentWithin(compact)), 1, JSON));
  }

  @Test
  void aNameTooLongForTheLayoutIsRefused() throws Exception {
    Envelope event = event("x".repeat(70_000), "auth", "web", "{}");

    assertThrows(UncheckedIOException.class, () -> WalRecord.encode(event, sentWithin("{}")));
  }
}
