package dev.ben.bench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bench.table.TableRows.Row;
import dev.ben.bench.table.Verdict.Status;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineFiguresTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theEngineIsJudgedBesideThePlainJavaLoopWithItsAllocationPerEvent(@TempDir Path dir)
      throws Exception {
    JsonNode jmh =
        json.readTree(
            """
            [ {"benchmark": "dev.ben.bench.AuthEngineBenchmark.engine",
               "primaryMetric": {"score": 2500.0, "scoreUnit": "ns/op"},
               "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 312.0, "scoreUnit": "B/op"}}},
              {"benchmark": "dev.ben.bench.AuthEngineBenchmark.plainJava",
               "primaryMetric": {"score": 370000.0, "scoreUnit": "ops/s"},
               "secondaryMetrics": {}} ]
            """);
    EngineFigures.section(EngineFigures.scores(jmh)).write(dir);
    Row row =
        TableRows.from(Map.of("engine.json", json.readTree(dir.resolve("engine.json").toFile())))
            .get(0);
    assertEquals(Figure.ENGINE_ONE_THREAD, row.figure());
    assertEquals(400_000, row.value(), 1e-6);
    assertEquals(Status.MET, row.verdict().status());
    assertTrue(row.reference().contains("370,000 events/s"), row.reference());
    assertEquals("312 B allocated per event (JMH -prof gc)", row.note());
  }

  @Test
  void jmhUnitsBecomeEventsPerSecond() {
    assertEquals(1e6, EngineFigures.perSecond(1000, "ns/op"), 1e-9);
    assertEquals(2e5, EngineFigures.perSecond(200, "ops/ms"), 1e-9);
    assertEquals(5e5, EngineFigures.perSecond(2, "us/op"), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> EngineFigures.perSecond(1, "B/op"));
  }
}
