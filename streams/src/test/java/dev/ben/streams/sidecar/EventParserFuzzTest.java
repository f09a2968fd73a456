package dev.ben.streams.sidecar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs (random bytes, truncated and mutated events, deep nesting, repeated keys,
 * extreme numbers): the parser never throws, every non-blank line is accepted or refused with one
 * of its fixed reasons and a detail a person can read, and the outcome is the one the JSON tree
 * alone gives (a body kept as sent reads as the tree's).
 */
class EventParserFuzzTest {

  private static final Set<String> REASONS =
      Set.of(
          "line_too_long",
          "malformed_json",
          "duplicate_key",
          "number_out_of_range",
          "not_an_object");
  private static final List<String> SEEDS =
      List.of(
          "{\"user\":\"ann\",\"n\":1,\"tags\":[\"a\",\"b\"],\"geo\":{\"ip\":\"198.51.100.7\"}}",
          "{\"a\":1e309,\"b\":[{\"c\":18446744073709551616}]}",
          "{\"k\":1,\"k\":2}",
          "{\"s\":\"\\u00e9\\\"x\",\"f\":-0.5e-10,\"t\":true,\"z\":null}");

  private static final String MUTATIONS = "{}[]\",:1e9-.\\ x";

  private final EventParser parser = new EventParser(new ObjectMapper(), 4096);
  private final Random random = new Random(20261204L);

  @Test
  void randomBytesTruncationsAndMutationsAreAcceptedOrRefusedWithAKnownReason() {
    for (int round = 0; round < 20_000; round++) {
      byte[] input =
          switch (round % 4) {
            case 0 -> randomBytes();
            case 1 -> truncated();
            case 2 -> mutated();
            default -> repeatedKeys();
          };
      check(input);
    }
  }

  @Test
  void deepNestingIsRefusedWithoutThrowing() {
    for (int depth : new int[] {999, 1001, 5_000, 100_000}) {
      String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
      String arrays = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      String unclosed = "{\"a\":" + "[".repeat(depth);
      for (String line : List.of(objects, arrays, unclosed)) {
        EventParser.Parsed parsed = check(line.getBytes(StandardCharsets.UTF_8));
        if (depth > 1000) {
          assertInstanceOf(EventParser.Refused.class, parsed, "depth " + depth);
        }
      }
    }
  }

  @Test
  void aRepeatedKeyAnywhereInTheEventIsAlwaysRefused() {
    for (int round = 0; round < 2_000; round++) {
      String key = "k" + random.nextInt(5);
      String inner = "{\"" + key + "\":1,\"x\":[" + random.nextInt() + "],\"" + key + "\":2}";
      String line = random.nextBoolean() ? inner : "{\"outer\":{\"deep\":[" + inner + "]}}";
      var refused =
          assertInstanceOf(
              EventParser.Refused.class, check(line.getBytes(StandardCharsets.UTF_8)), line);
      assertEquals("duplicate_key", refused.reason());
    }
  }

  private EventParser.Parsed check(byte[] input) {
    EventParser.Parsed parsed = parser.parse(new LineSplitter.Line(3, input), "pipeline", "app", 0);
    assertEquals(3, parsed.line());
    if (parsed instanceof EventParser.Refused refused) {
      assertTrue(REASONS.contains(refused.reason()), refused.reason());
      assertTrue(refused.detail().length() > 10, refused.detail());
    } else if (parsed instanceof EventParser.Blank) {
      assertTrue(new String(input, StandardCharsets.UTF_8).isBlank(), "blank only when blank");
    } else {
      assertTrue(((EventParser.Accepted) parsed).envelope().body().isObject());
    }
    if (!(parsed instanceof EventParser.Blank)) {
      sameAsTheTree(input, parsed);
    }
    return parsed;
  }

  /** A body kept as sent is the tree's, and a line the tree refuses is never kept as sent. */
  private void sameAsTheTree(byte[] input, EventParser.Parsed parsed) {
    EventParser.Parsed tree =
        parser.parseTree(new LineSplitter.Line(3, input), "pipeline", "app", 0);
    assertEquals(tree.getClass(), parsed.getClass(), () -> new String(input, UTF_8));
    if (tree instanceof EventParser.Refused refused) {
      assertEquals(refused.reason(), ((EventParser.Refused) parsed).reason());
      assertEquals(refused.detail(), ((EventParser.Refused) parsed).detail());
    } else {
      assertEquals(
          ((EventParser.Accepted) tree).envelope().body(),
          ((EventParser.Accepted) parsed).envelope().body(),
          () -> new String(input, UTF_8));
    }
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[random.nextInt(64)];
    random.nextBytes(bytes);
    if (bytes.length > 0 && random.nextBoolean()) {
      bytes[0] = '{';
    }
    return bytes;
  }

  private byte[] seed() {
    return SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] truncated() {
    byte[] seed = seed();
    return Arrays.copyOf(seed, random.nextInt(seed.length + 1));
  }

  private byte[] mutated() {
    byte[] bytes = seed();
    for (int i = random.nextInt(4); i >= 0; i--) {
      bytes[random.nextInt(bytes.length)] =
          (byte) MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
    }
    return bytes;
  }

  private byte[] repeatedKeys() {
    StringBuilder line = new StringBuilder("{");
    for (int i = random.nextInt(6); i >= 0; i--) {
      line.append("\"k").append(random.nextInt(4)).append("\":").append(random.nextInt(9));
      line.append(i == 0 ? "" : ",");
    }
    return line.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
