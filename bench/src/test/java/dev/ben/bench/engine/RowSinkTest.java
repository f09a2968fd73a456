package dev.ben.bench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.streams.store.TypedRows;
import dev.ben.streams.store.TypedRowsJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowSinkTest {

  @Test
  void measuresTheJsonTextTheStoresDefaultWouldSend() {
    TypedRows rows =
        new TypedRows(List.of("id", "at", "n", "x", "big", "flags", "tags", "none"), 3);
    for (int i = 0; i < 3; i++) {
      rows.add(
          new Object[] {
            "ev-" + i + " \"é\"",
            Instant.ofEpochMilli(1_714_557_600_999L + i * 700L),
            (long) i * 1000,
            i == 2 ? Double.NaN : 0.25 * i,
            new BigInteger("18446744073709551615"),
            i % 2 == 0,
            Arrays.asList("a", null, Instant.ofEpochSecond(i)),
            null
          });
    }
    RowSink sink = new RowSink(true);
    sink.insertRows("t", rows);
    sink.insertRows("t", rows);

    List<String> expected = TypedRowsJson.lines(rows);
    assertEquals(6, sink.rows());
    assertEquals(
        List.of(expected, expected), List.of(sink.kept().subList(0, 3), sink.kept().subList(3, 6)));
    assertEquals(
        2 * expected.stream().mapToLong(row -> row.getBytes(StandardCharsets.UTF_8).length).sum(),
        sink.bytes());
  }
}
