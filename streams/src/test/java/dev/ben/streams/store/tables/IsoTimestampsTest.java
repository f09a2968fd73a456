package dev.ben.streams.store.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whatever the text, the seconds are Instant.parse's, and so is what is refused. */
class IsoTimestampsTest {

  private static void sameAsInstantParse(String text) {
    assertEquals(Instant.parse(text).getEpochSecond(), IsoTimestamps.epochSeconds(text), text);
  }

  @Test
  void theCommonFormGivesInstantParsesSecondsFrom1970ToYear9999() {
    SplittableRandom random = new SplittableRandom(14);
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(0, last), random.nextInt(1_000_000_000));
      String text = at.toString();
      sameAsInstantParse(text);
      sameAsInstantParse(text.substring(0, 19) + "Z");
      sameAsInstantParse(text.substring(0, 19) + ".5Z");
    }
    for (String edge :
        List.of(
            "1970-01-01T00:00:00Z",
            "2000-02-28T23:59:59.999999999Z",
            "2000-03-01T00:00:00Z",
            "2100-03-01T00:00:00Z",
            "2024-05-01T10:00:00.007Z")) {
      sameAsInstantParse(edge);
    }
  }

  @Test
  void otherFormsAreReadByInstantParse() {
    for (String other :
        List.of(
            "2024-05-01T10:00:00+02:00",
            "2024-02-29T12:00:00Z",
            "2023-12-31T23:59:59Z",
            "1969-12-31T23:59:59Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T10:00:00.Z",
            "2024-05-01T10:00:00.1234567890Z".substring(0, 29) + "Z")) {
      sameAsInstantParse(other);
    }
  }

  @Test
  void whatInstantParseRefusesIsRefused() {
    for (String bad :
        List.of(
            "not a time",
            "2024-13-01T10:00:00Z",
            "2024-05-01T10:00:00.1234567890Z",
            "2024-05-01 10:00:00Z",
            "2024-05-0xT10:00:00Z")) {
      assertThrows(DateTimeParseException.class, () -> Instant.parse(bad), bad);
      assertThrows(DateTimeParseException.class, () -> IsoTimestamps.epochSeconds(bad), bad);
    }
  }
}
