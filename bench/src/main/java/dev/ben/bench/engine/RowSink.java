package dev.ben.bench.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.TypedRows;
import dev.ben.streams.store.TypedRowsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A store that keeps nothing: statements succeed and find no rows (so migrations plan every step
 * and record them here), and inserted rows are only measured, so the benchmark stops at the row
 * JSON a real store would be sent. Typed rows are written as JSONEachRow (the text {@link
 * TypedRowsJson} gives) in UTF-8 into one reused buffer, as the plain Java loop writes its rows
 * ({@link ReferenceRow}), and date-times are formatted once per second. Not thread-safe.
 */
final class RowSink implements AnalyticalStore {

  private final ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
  private final JsonGenerator json;
  private final SecondText[] seconds = {new SecondText(), new SecondText()};
  private int nextSecond;
  private long rows;
  private long bytesWritten;

  /** Each row's text, when a check asks for it; null otherwise. */
  private final List<String> kept;

  RowSink() {
    this(false);
  }

  /**
   * @param keep whether to keep each row's text (for checks)
   */
  RowSink(boolean keep) {
    kept = keep ? new ArrayList<>() : null;
    try {
      json = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Rows follow each other in one buffer; each is measured and dropped before the next.
    json.setRootValueSeparator(null);
  }

  @Override
  public void execute(String sql) {}

  @Override
  public void insertJsonRows(String table, List<String> jsonRows) {
    for (String row : jsonRows) {
      rows++;
      bytesWritten += row.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  @Override
  public void insertRows(String table, TypedRows typed) {
    try {
      List<String> columns = typed.columns();
      for (Object[] values : typed.rows()) {
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
          json.writeFieldName(columns.get(i));
          write(values[i]);
        }
        json.writeEndObject();
        json.flush();
        rows++;
        bytesWritten += bytes.size();
        if (kept != null) {
          kept.add(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }
        bytes.reset();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One value as {@link TypedRowsJson} writes it; a top-level date-time's text is kept for its
   * second, so the common case formats nothing.
   */
  private void write(Object value) throws IOException {
    if (value instanceof Instant at) {
      json.writeString(secondText(at.getEpochSecond()));
    } else {
      TypedRowsJson.write(json, value);
    }
  }

  /** A row holds a few date-times (received, the event's own), each moving second by second. */
  private String secondText(long second) {
    for (SecondText held : seconds) {
      if (held.second == second) {
        return held.text;
      }
    }
    SecondText replaced = seconds[nextSecond];
    nextSecond = (nextSecond + 1) % seconds.length;
    replaced.second = second;
    replaced.text = TypedRowsJson.DATE_TIME.format(Instant.ofEpochSecond(second));
    return replaced.text;
  }

  private static final class SecondText {
    private long second = Long.MIN_VALUE;
    private String text;
  }

  @Override
  public List<ObjectNode> queryJson(String sql) {
    return List.of();
  }

  /** The rows' text, when kept. */
  List<String> kept() {
    return kept;
  }

  long rows() {
    return rows;
  }

  /** UTF-8 bytes of the rows written so far. */
  long bytes() {
    return bytesWritten;
  }

  @Override
  public String describe() {
    return "discarding rows";
  }

  @Override
  public boolean embedded() {
    return true;
  }

  @Override
  public void close() {}
}
