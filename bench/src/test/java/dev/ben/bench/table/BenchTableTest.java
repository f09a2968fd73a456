package dev.ben.bench.table;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bench.table.TableRows.Row;
import dev.ben.bench.table.Verdict.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchTableTest {

  @Test
  void aShortRowPointsTheReaderToWhyAndATableWithoutOneDoesNot() {
    Row shortRow =
        new Row(
            Figure.PIPELINE_SUSTAINED,
            120_000.0,
            "120,000 events/s",
            new Verdict(Status.SHORT, "SHORT: short by 66%"),
            null,
            null);
    Row metRow =
        new Row(
            Figure.HEAP_FULL_RATE, 400.0, "400 MiB", new Verdict(Status.MET, "met"), null, null);

    String withShort = printed(List.of(shortRow, metRow));
    String allMet = printed(List.of(metRow));

    assertTrue(withShort.contains(BenchTable.WHY_SHORT), withShort);
    assertTrue(withShort.contains("SHORT: short by 66%"), withShort);
    assertFalse(allMet.contains(BenchTable.WHY_SHORT), allMet);
  }

  private static String printed(List<Row> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    BenchTable.print(out, new ObjectMapper().createObjectNode(), Map.of(), rows);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
