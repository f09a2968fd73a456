package dev.ben.streams.sidecar;

import dev.ben.streams.wal.SentBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.util.ByteString;

/**
 * Splits a byte stream into numbered lines at '\n' (a trailing '\r' is removed), whatever the chunk
 * boundaries. A line inside one chunk is a range of the chunk's bytes, not a copy (chunks are
 * immutable, so the range stays valid); only a line that spans chunks is joined into bytes of its
 * own. A line longer than the limit is not buffered: its bytes are skipped up to the next newline
 * and it is reported once as {@link Line#tooLong()}, so one bad line costs bounded memory and does
 * not end the request. Not thread-safe: one instance per stream.
 */
public final class LineSplitter {

  /**
   * A numbered line: {@code length} bytes of {@code array} from {@code offset}; {@code array} is
   * null when the line exceeded the limit.
   */
  public record Line(long number, byte[] array, int offset, int length) implements SentBytes {

    /** A line of its own bytes (null when it exceeded the limit). */
    public Line(long number, byte[] bytes) {
      this(number, bytes, 0, bytes == null ? 0 : bytes.length);
    }

    public boolean tooLong() {
      return array == null;
    }

    /** The line's bytes alone: a copy unless the line is its whole array. */
    public byte[] bytes() {
      if (array == null || (offset == 0 && length == array.length)) {
        return array;
      }
      return Arrays.copyOfRange(array, offset, offset + length);
    }
  }

  private final int maxLineBytes;
  private final PartialLine partial;
  private long lineNumber;

  public LineSplitter(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
    // One extra byte is tolerated for a '\r' that will be trimmed.
    this.partial = new PartialLine(maxLineBytes + 1);
  }

  /** Feeds one chunk and returns the lines it completed. */
  public List<Line> feed(ByteString chunk) {
    byte[] bytes = chunk.compact().toArrayUnsafe();
    int length = chunk.length();
    List<Line> lines = new ArrayList<>(Math.min(64, 1 + length / 64));
    int start = 0;
    for (int end = indexOfNewline(bytes, 0, length);
        end >= 0;
        end = indexOfNewline(bytes, start, length)) {
      if (partial.isEmpty()) {
        lines.add(line(bytes, start, end - start));
      } else {
        partial.append(bytes, start, end - start);
        lines.add(joined());
      }
      start = end + 1;
    }
    partial.append(bytes, start, length - start);
    return lines;
  }

  /** Ends the input; returns the last line when it had no trailing newline. */
  public List<Line> finish() {
    return partial.isEmpty() ? List.of() : List.of(joined());
  }

  private static int indexOfNewline(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private Line joined() {
    Line line = partial.overflowed() ? tooLong() : line(partial.bytes(), 0, partial.size());
    partial.reset();
    return line;
  }

  private Line line(byte[] bytes, int offset, int length) {
    int end = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
    if (end > maxLineBytes) {
      return tooLong();
    }
    return new Line(++lineNumber, bytes, offset, end);
  }

  private Line tooLong() {
    return new Line(++lineNumber, null, 0, 0);
  }
}
