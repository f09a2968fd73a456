package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/**
 * A chunk's lines read by one parser per run decide every line as parsing that line alone through
 * its JSON tree does: whatever sits before or after it, however the body is cut into chunks.
 */
class LineRunParserTest {

  private static final int MAX_LINE = 64;

  private final EventParser parser = new EventParser(new ObjectMapper(), MAX_LINE);

  /** Lines a run could misread: values running on, trailing content, odd encodings, refusals. */
  private static final List<byte[]> LINES =
      List.of(
          utf8("{\"user\":\"ann\",\"n\":1}"),
          utf8("{\"a\":1} {\"b\":2}"),
          utf8("{\"a\":1}{\"b\":2}"),
          utf8("{\"a\":1}   \t"),
          utf8("{\"a\":1}\r"),
          utf8("{\"a\":"),
          utf8("1}"),
          utf8("{\"a\":1}}"),
          utf8("{\"a\":1}/*c*/"),
          utf8("}{"),
          utf8("{\"a\":\"open"),
          utf8("{\"k\":1,\"k\":2}"),
          utf8("[1,2]"),
          utf8("42"),
          utf8("null"),
          utf8("  {\"lead\":1}"),
          utf8("{}"),
          utf8(""),
          utf8(" \t "),
          utf8("{\"n\":1e309}"),
          utf8("{\"x\":\"" + "y".repeat(80) + "\"}"),
          utf8("{\"s\":\"\u00e9\u20ac\uD83D\uDE00\"}"),
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'b', '"', ':', '1', '}'},
          new byte[] {'{', '"', 'z', '"', ':', '"', 0, '"', '}'},
          new byte[] {'{', 0, '}'},
          new byte[] {0, '{', '}'},
          new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
          new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(EventParser.Parsed parsed) {
    String line = parsed.line() + " ";
    if (parsed instanceof EventParser.Accepted accepted) {
      return line + "accepted " + accepted.envelope().body();
    }
    return line
        + (parsed instanceof EventParser.Refused refused
            ? "refused " + refused.reason() + ": " + refused.detail()
            : "blank");
  }

  @Test
  void everyLineOfEveryChunkingIsDecidedAsItIsAlone() {
    Random random = new Random(20261205L);
    for (int round = 0; round < 2_000; round++) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int i = random.nextInt(16); i >= 0; i--) {
        body.writeBytes(LINES.get(random.nextInt(LINES.size())));
        body.write('\n');
      }
      byte[] bytes = body.toByteArray();
      int largest = random.nextBoolean() ? 40 : 400;
      LineSplitter alone = new LineSplitter(MAX_LINE);
      LineSplitter runs = new LineSplitter(MAX_LINE);
      LineRunParser runParser = new LineRunParser(parser);
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (int pos = 0; pos < bytes.length; ) {
        int length = Math.min(bytes.length - pos, 1 + random.nextInt(largest));
        ByteString chunk = ByteString.fromArray(bytes).slice(pos, pos + length);
        alone.feed(chunk).forEach(line -> expected.add(describe(parse(line))));
        runParser.parse(runs.feed(chunk), "auth", "web", 0).forEach(p -> actual.add(describe(p)));
        pos += length;
      }
      alone.finish().forEach(line -> expected.add(describe(parse(line))));
      runParser.parse(runs.finish(), "auth", "web", 0).forEach(p -> actual.add(describe(p)));
      assertEquals(
          expected, actual, "round " + round + ": " + new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Test
  void anAcceptedLineIsLoggedAsTheBytesItWasSent() {
    byte[] bytes = utf8("{\"a\":1}\n{\"b\":2}\n");
    List<LineSplitter.Line> lines = new LineSplitter(MAX_LINE).feed(ByteString.fromArray(bytes));

    List<EventParser.Parsed> parsed = new LineRunParser(parser).parse(lines, "auth", "web", 0);

    assertEquals(2, ((EventParser.Accepted) parsed.get(1)).envelope().body().get("b").asInt());
    assertSame(lines.get(1), ((EventParser.Accepted) parsed.get(1)).sent());
  }

  @Test
  void theParsersChunkEntryDecidesEachLineAsTheRunParserDoes() {
    byte[] bytes = utf8("{\"a\":1}\n[]\n{\"b\":2}\n");
    List<LineSplitter.Line> lines = new LineSplitter(MAX_LINE).feed(ByteString.fromArray(bytes));

    List<EventParser.Parsed> parsed = parser.parseLines(lines, "auth", "web", 0);

    assertEquals(
        new LineRunParser(parser)
            .parse(lines, "auth", "web", 0).stream().map(LineRunParserTest::describe).toList(),
        parsed.stream().map(LineRunParserTest::describe).toList());
    assertEquals(2, ((EventParser.Accepted) parsed.get(2)).envelope().body().get("b").asInt());
  }

  /** The line decided alone, through its JSON tree when it is neither too long nor blank. */
  private EventParser.Parsed parse(LineSplitter.Line line) {
    return line.tooLong() || EventParser.isBlank(line.array(), line.offset(), line.length())
        ? parser.parse(line, "auth", "web", 0)
        : parser.parseTree(line, "auth", "web", 0);
  }
}
