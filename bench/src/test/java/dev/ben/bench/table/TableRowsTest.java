package dev.ben.bench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bench.table.TableRows.Row;
import dev.ben.bench.table.Verdict.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableRowsTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyFigureHasARowAndAFigureNoFileCarriesIsNotRunNeverAValue() {
    List<Row> rows = TableRows.from(Map.of());
    assertEquals(Figure.values().length, rows.size());
    for (Row row : rows) {
      assertEquals(Status.NOT_RUN, row.verdict().status(), row.toString());
      assertNull(row.value());
      assertTrue(row.verdict().text().startsWith("not run: no target/bench/"), row.toString());
    }
  }

  @Test
  void sectionFilesWrittenByOnePartAreJudgedAgainstTheirTargets(@TempDir Path dir)
      throws Exception {
    new Section("pipeline.json")
        .put(Figure.PIPELINE_SUSTAINED, Measured.of(120_000))
        .put(
            Figure.PIPELINE_LATENCY_HALF,
            Measured.of(4.2).text("p50 0.90 / p99 4.20 / p999 9.00 ms at 60,000/s"))
        .put(Figure.HEAP_OVERLOAD, Measured.of(700).failures(0).note("shed 1,000"))
        .detail("a detail line")
        .write(dir);
    new Section("sink.json")
        .put(Figure.CLICKHOUSE_SINK, Measured.of(310_000).reference(300_000, null))
        .put(Figure.EMBEDDED_STORE, Measured.notRun("no DuckDB here"))
        .write(dir);
    new Section("invoke.json").notRun("the node did not start").write(dir);
    Map<Figure, Row> rows = byFigure(TableRows.from(read(dir)));

    assertEquals(Status.SHORT, rows.get(Figure.PIPELINE_SUSTAINED).verdict().status());
    assertEquals("120,000 events/s", rows.get(Figure.PIPELINE_SUSTAINED).measured());
    Row latency = rows.get(Figure.PIPELINE_LATENCY_HALF);
    assertEquals(Status.MET, latency.verdict().status());
    assertEquals("p50 0.90 / p99 4.20 / p999 9.00 ms at 60,000/s", latency.measured());
    assertEquals(Status.MET, rows.get(Figure.HEAP_OVERLOAD).verdict().status());
    assertEquals("shed 1,000", rows.get(Figure.HEAP_OVERLOAD).note());
    assertEquals(
        "not run: pipeline.json does not carry it",
        rows.get(Figure.HEAP_FULL_RATE).verdict().text());

    Row sink = rows.get(Figure.CLICKHOUSE_SINK);
    assertEquals(Status.MET, sink.verdict().status());
    assertTrue(sink.reference().startsWith("clickhouse-client"), sink.reference());
    assertTrue(sink.reference().contains("1.03x the reference"), sink.reference());
    assertEquals("not run: no DuckDB here", rows.get(Figure.EMBEDDED_STORE).verdict().text());
    for (Figure invoke :
        List.of(Figure.INVOKE_HTTP_2K, Figure.INVOKE_GRPC_10K, Figure.INVOKE_HTTP_10K)) {
      assertEquals("not run: the node did not start", rows.get(invoke).verdict().text());
    }
    assertEquals(Status.NOT_RUN, rows.get(Figure.ENGINE_ONE_THREAD).verdict().status());
  }

  @Test
  void aFigureWithAReferenceThatDidNotRunSaysWhyAndIsNotJudgedAgainstIt(@TempDir Path dir)
      throws Exception {
    new Section("sink.json")
        .put(Figure.CLICKHOUSE_SINK, Measured.of(320_000).referenceNotRun("no clickhouse binary"))
        .write(dir);
    Row sink = byFigure(TableRows.from(read(dir))).get(Figure.CLICKHOUSE_SINK);
    assertEquals(Status.NOT_JUDGED, sink.verdict().status());
    assertEquals(
        "clickhouse-client inserting the same rows: not run: no clickhouse binary",
        sink.reference());
  }

  @Test
  void aSectionRefusesAFigureThatBelongsInAnotherFile() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Section("pipeline.json").put(Figure.HTTP_INGEST, Measured.of(1)));
  }

  private Map<String, JsonNode> read(Path dir) throws Exception {
    Map<String, JsonNode> sections = new HashMap<>();
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        sections.put(file.getFileName().toString(), json.readTree(file.toFile()));
      }
    }
    return sections;
  }

  private static Map<Figure, Row> byFigure(List<Row> rows) {
    Map<Figure, Row> map = new EnumMap<>(Figure.class);
    rows.forEach(row -> map.put(row.figure(), row));
    return map;
  }
}
