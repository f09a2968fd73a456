package dev.ben.streams.sidecar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the lines of one chunk with one JSON parser for each run of lines lying side by side in
 * the chunk's bytes, rather than a parser (its buffers, symbol table and context) for each line:
 * most of the cost of a short line. Each object is read without its tree and kept as sent ({@link
 * SentObjects}). The run parser only ever answers for a line when it read one JSON object that
 * starts and ends inside the line, followed by nothing but whitespace to the line's end; anything
 * else (a refusal, a value that runs on into the next line, trailing content, bytes the run cannot
 * read) is decided by {@link EventParser#parse} on the line alone, exactly as it would be without
 * runs, and the next line starts a new run. So the outcome of every line is the one parsing it
 * alone gives. Not thread-safe: one instance per request.
 */
final class LineRunParser {

  private final EventParser parser;
  private final ObjectReader reader;
  private final SentObjects objects;
  private JsonParser run;
  private byte[] runBytes;
  private int runStart;

  /** Where the run stands in {@code runBytes}: just after the last object it read. */
  private int runAt;

  LineRunParser(EventParser parser) {
    this.parser = parser;
    this.reader = parser.reader();
    this.objects = new SentObjects(reader);
  }

  /** Each line's outcome, in order. */
  List<EventParser.Parsed> parse(
      List<LineSplitter.Line> lines, String pipeline, String app, long nowMillis) {
    List<EventParser.Parsed> parsed = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      LineSplitter.Line line = lines.get(i);
      ObjectNode body = line.tooLong() ? null : read(lines, i);
      parsed.add(
          body == null
              ? parser.parse(line, pipeline, app, nowMillis)
              : parser.accepted(line, body, pipeline, app, nowMillis));
    }
    end();
    return parsed;
  }

  /** The line's body as the run reads it, or null when the line must be parsed alone. */
  private ObjectNode read(List<LineSplitter.Line> lines, int index) {
    LineSplitter.Line line = lines.get(index);
    byte[] bytes = line.array();
    int from = line.offset();
    int to = from + line.length();
    if (EventParser.isBlank(bytes, from, line.length())) {
      return null;
    }
    if (run == null
        || runBytes != bytes
        || runAt > from
        || !SentObjects.whitespace(bytes, runAt, from)) {
      if (!start(lines, index)) {
        return null;
      }
    }
    ObjectNode body = objects.next(run, bytes, runStart, to);
    if (body == null) {
      // The line alone says why.
      end();
      return null;
    }
    runAt = objects.end();
    return body;
  }

  /**
   * A run from this line over the lines after it in the same bytes; only from a line that opens an
   * object with no zero byte among its first four, so the parser reads the run as UTF-8, as it
   * reads that line alone.
   */
  private boolean start(List<LineSplitter.Line> lines, int index) {
    end();
    LineSplitter.Line first = lines.get(index);
    byte[] bytes = first.array();
    int from = first.offset();
    if (bytes[from] != '{') {
      return false;
    }
    for (int i = from; i < Math.min(from + 4, from + first.length()); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    int to = from + first.length();
    for (int i = index + 1; i < lines.size() && lines.get(i).array() == bytes; i++) {
      to = Math.max(to, lines.get(i).offset() + lines.get(i).length());
    }
    try {
      run = reader.createParser(bytes, from, to - from);
    } catch (IOException e) {
      return false;
    }
    runBytes = bytes;
    runStart = from;
    runAt = from;
    return true;
  }

  private void end() {
    if (run != null) {
      try {
        run.close();
      } catch (IOException e) {
        // Nothing to release but pooled buffers.
      }
      run = null;
      runBytes = null;
    }
  }
}
