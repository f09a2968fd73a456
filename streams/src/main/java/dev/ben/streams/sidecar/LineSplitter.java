package dev.ben.streams.sidecar;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * Splits a byte stream into numbered lines at '\n' (a trailing '\r' is removed), whatever the chunk
 * boundaries. A line longer than the limit is not buffered: its bytes are skipped up to the next
 * newline and it is reported once as {@link Line#tooLong()}, so one bad line costs bounded memory
 * and does not end the request. Not thread-safe: one instance per stream.
 */
public final class LineSplitter {

  /** A numbered line; {@code bytes} is null when the line exceeded the limit. */
  public record Line(long number, byte[] bytes) {
    public boolean tooLong() {
      return bytes == null;
    }
  }

  private final int maxLineBytes;
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();
  private boolean skipping;
  private long lineNumber;

  public LineSplitter(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /** Feeds one chunk and returns the lines it completed. */
  public List<Line> feed(ByteString chunk) {
    List<Line> lines = new ArrayList<>(4);
    int start = 0;
    int length = chunk.length();
    for (int i = 0; i < length; i++) {
      if (chunk.apply(i) == '\n') {
        append(chunk, start, i);
        lines.add(finishLine());
        start = i + 1;
      }
    }
    append(chunk, start, length);
    return lines;
  }

  /** Ends the input; returns the last line when it had no trailing newline. */
  public List<Line> finish() {
    if (current.size() == 0 && !skipping) {
      return List.of();
    }
    return List.of(finishLine());
  }

  private void append(ByteString chunk, int from, int to) {
    if (skipping || from >= to) {
      return;
    }
    if (current.size() + (to - from) > maxLineBytes + 1) {
      // One extra byte is tolerated for a '\r' that will be trimmed.
      skipping = true;
      current.reset();
      return;
    }
    current.write(chunk.slice(from, to).toArrayUnsafe(), 0, to - from);
  }

  private Line finishLine() {
    lineNumber++;
    if (skipping) {
      skipping = false;
      return new Line(lineNumber, null);
    }
    byte[] bytes = current.toByteArray();
    current.reset();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    if (end > maxLineBytes) {
      return new Line(lineNumber, null);
    }
    return new Line(lineNumber, end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end));
  }
}
