package dev.ben.bench.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.bench.table.Verdict.Status;
import org.junit.jupiter.api.Test;

class VerdictTest {

  @Test
  void aRateMeetsAnAtLeastTargetFromTheLimitUpAndIsShortBelowItBySayHowMuch() {
    Target target = Figure.PIPELINE_SUSTAINED.target();
    assertEquals(Status.MET, Verdict.judge(target, 350_000, 0, null, null).status());
    assertEquals(Status.MET, Verdict.judge(target, 420_000, 0, null, null).status());
    Verdict below = Verdict.judge(target, 175_000, 0, null, null);
    assertEquals(Status.SHORT, below.status());
    assertEquals("SHORT: short by 50% (needs 2.00x)", below.text());
  }

  @Test
  void aLatencyMeetsAnAtMostTargetUpToTheLimitAndIsOverAboveIt() {
    Target target = Figure.PIPELINE_LATENCY_HALF.target();
    assertEquals(Status.MET, Verdict.judge(target, 10, 0, null, null).status());
    Verdict over = Verdict.judge(target, 60, 0, null, null);
    assertEquals(Status.SHORT, over.status());
    assertEquals("SHORT: over by 50.00 ms (6.00x the target)", over.text());
  }

  @Test
  void anyFailureFailsATargetThatAllowsNoneEvenWithTheLatencyMet() {
    Target target = Figure.INVOKE_HTTP_2K.target();
    assertEquals(Status.MET, Verdict.judge(target, 3, 0, null, null).status());
    Verdict failed = Verdict.judge(target, 3, 12, null, null);
    assertEquals(Status.SHORT, failed.status());
    assertTrue(failed.text().contains("12 failed"), failed.text());
    Verdict both = Verdict.judge(target, 4_000, 35_960, null, null);
    assertTrue(both.text().contains("over by") && both.text().contains("35,960 failed"));
  }

  @Test
  void theSinkMustAlsoReachItsShareOfTheReferenceAndIsNotJudgedWithoutOne() {
    Target target = Figure.CLICKHOUSE_SINK.target();
    assertEquals(Status.MET, Verdict.judge(target, 400_000, 0, 450_000.0, null).status());
    Verdict belowShare = Verdict.judge(target, 400_000, 0, 600_000.0, null);
    assertEquals(Status.SHORT, belowShare.status());
    assertTrue(belowShare.text().contains("0.67x the reference, needs 0.80x"), belowShare.text());
    Verdict unknown = Verdict.judge(target, 400_000, 0, null, "no clickhouse-client");
    assertEquals(Status.NOT_JUDGED, unknown.status());
    assertTrue(unknown.text().contains("no clickhouse-client"));
    assertEquals(Status.SHORT, Verdict.judge(target, 91_000, 0, null, null).status());
  }

  @Test
  void aReportedFigureIsHeldAgainstNothing() {
    Verdict reported = Verdict.judge(Figure.PIPELINE_LATENCY_HIGH.target(), 500, 3, null, null);
    assertEquals(Status.REPORTED, reported.status());
  }

  @Test
  void targetsPrintTheirBoundUnitAndExtraConditions() {
    assertEquals(">= 400,000 events/s", Figure.ENGINE_ONE_THREAD.target().describe());
    assertEquals("p99 <= 10.00 ms, no failures", Figure.INVOKE_HTTP_10K.target().describe());
    assertEquals(
        ">= 300,000 rows/s, >= 0.8x reference", Figure.CLICKHOUSE_SINK.target().describe());
  }
}
