package dev.ben.contracts.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @Test
  void readsTheCommonFormsToTheJdksInstant() {
    assertEquals(
        Instant.parse("2024-05-01T10:00:00Z").toEpochMilli(),
        Timestamps.parseIsoMillis("2024-05-01T10:00:00Z"));
    assertEquals(
        Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli(),
        Timestamps.parseIsoMillis("2024-02-29T23:59:59.999999999Z"));
    assertEquals(
        OffsetDateTime.parse("1969-12-31T23:59:59.5+01:30").toInstant().toEpochMilli(),
        Timestamps.parseIsoMillis("1969-12-31T23:59:59.5+01:30"));
    assertEquals(
        OffsetDateTime.parse("0000-01-01T00:00:00-05:00").toInstant().toEpochMilli(),
        Timestamps.parseIsoMillis("0000-01-01T00:00:00-05:00"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2024-05-01",
        "2024-05-01T10:00Z",
        "2024-05-01t10:00:00z",
        "2024-02-30T10:00:00Z",
        "2023-02-29T10:00:00Z",
        "2024-13-01T10:00:00Z",
        "2024-05-01T24:00:00Z",
        "2024-05-01T23:59:60Z",
        "2024-05-01T10:00:00",
        "2024-05-01T10:00:00.Z",
        "2024-05-01T10:00:00.1234567890Z",
        "2024-05-01T10:00:00+18:00",
        "2024-05-01T10:00:00+0100",
        "2024-05-01T10:00:00Zx",
        "+12024-05-01T10:00:00Z",
        "2024-05-01T1a:00:00Z"
      })
  void leavesRareOrMalformedTextToTheJdk(String text) {
    assertEquals(Timestamps.UNKNOWN, Timestamps.parseIsoMillis(text));
  }

  /** Whatever the fast path reads, the JDK reads to the same instant; it refuses nothing valid. */
  @Test
  void agreesWithTheJdkOnRandomTimestampsAndMutations() {
    Random random = new Random(42);
    String alphabet = "0123456789-:T.Z+z ";
    for (int i = 0; i < 200_000; i++) {
      long millis = random.nextLong() % 253_402_300_799_000L;
      String text = Instant.ofEpochMilli(Math.abs(millis)).toString();
      if (random.nextBoolean()) {
        int at = random.nextInt(text.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        text =
            random.nextBoolean()
                ? text.substring(0, at) + c + text.substring(at + 1)
                : text.substring(0, at);
      }
      long fast = Timestamps.parseIsoMillis(text);
      Long jdk = jdk(text);
      if (fast != Timestamps.UNKNOWN) {
        assertEquals(jdk, fast, text);
      } else if (jdk != null
          && text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z")) {
        throw new AssertionError("the fast path refused the plain form " + text);
      }
    }
  }

  private static Long jdk(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void writesWhatTheJdkWritesForAnyMillisecond() {
    Random random = new Random(7);
    long[] edges = {
      0,
      -1,
      1,
      999,
      1000,
      -1000,
      86_399_999,
      86_400_000,
      951_782_400_000L,
      4_107_542_400_000L,
      -62_167_219_200_000L,
      -62_167_219_200_001L,
      253_402_300_799_999L,
      253_402_300_800_000L,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      -30_610_224_000_000L
    };
    for (long millis : edges) {
      assertEquals(Instant.ofEpochMilli(millis).toString(), Timestamps.formatIso(millis));
    }
    for (int i = 0; i < 200_000; i++) {
      long millis =
          switch (i % 3) {
            case 0 -> random.nextLong() % 253_402_300_800_000L;
            case 1 -> 1_700_000_000_000L + random.nextInt();
            default -> (random.nextLong() % 100_000L) * 1000 * (random.nextBoolean() ? 1 : 60);
          };
      assertEquals(Instant.ofEpochMilli(millis).toString(), Timestamps.formatIso(millis));
    }
  }
}
