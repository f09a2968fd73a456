package dev.ben.streams.store;

import com.clickhouse.client.api.DataStreamWriter;
import com.clickhouse.client.api.data_formats.RowBinaryFormatSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A batch of typed rows encoded as a RowBinary request body. Encoded before the request starts, so
 * a value that cannot be encoded fails the insert before anything reaches the server, and a retry
 * sends the same bytes again. Each insert has a body of its own: a request that timed out may still
 * be reading it.
 */
final class RowBinaryBody implements DataStreamWriter {

  private final Bytes bytes;
  private final int rows;

  private RowBinaryBody(Bytes bytes, int rows) {
    this.bytes = bytes;
    this.rows = rows;
  }

  /**
   * @param columns the writer of each row position, in the rows' column order
   */
  static RowBinaryBody encode(TypedRows typed, RowBinaryColumn[] columns, int sizeHint)
      throws IOException {
    Bytes bytes = new Bytes(Math.max(sizeHint, 1024));
    RowBinaryFormatSerializer out = new RowBinaryFormatSerializer(bytes);
    for (Object[] row : typed.rows()) {
      for (int i = 0; i < columns.length; i++) {
        columns[i].write(out, bytes, row[i]);
      }
    }
    return new RowBinaryBody(bytes, typed.size());
  }

  int length() {
    return bytes.count;
  }

  int rows() {
    return rows;
  }

  @Override
  public void onOutput(OutputStream out) throws IOException {
    // The client closes the stream once this returns.
    out.write(bytes.buffer, 0, bytes.count);
  }

  /**
   * An unsynchronised growable buffer: the library's encoders write a few bytes at a time, and the
   * JDK's ByteArrayOutputStream takes a lock for each.
   */
  private static final class Bytes extends OutputStream {
    private byte[] buffer;
    private int count;

    Bytes(int capacity) {
      buffer = new byte[capacity];
    }

    @Override
    public void write(int b) {
      ensure(1);
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buffer, count, len);
      count += len;
    }

    private void ensure(int more) {
      if (count + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + more));
      }
    }
  }
}
