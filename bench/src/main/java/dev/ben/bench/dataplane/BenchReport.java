package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the figures of one bench run, prints them with the targets they are held against, and as
 * JSON.
 */
public final class BenchReport {

  /** One line of the summary: a figure, its target, and whether it meets it. */
  record Line(String figure, String measured, String target, Boolean met) {}

  private static final long GIB = 1L << 30;

  private final List<Line> lines = new ArrayList<>();
  private final List<String> details = new ArrayList<>();
  private final ObjectNode json = new ObjectMapper().createObjectNode();
  private long maxHeap;

  void pipeline(PipelineRun.Result result, int rate) {
    maxHeap = Math.max(maxHeap, result.maxHeapBytes());
    LatencyHistogram latency = result.latency();
    ObjectNode node =
        json.withArray("pipeline")
            .addObject()
            .put("run", result.name())
            .put("events", result.events())
            .put("seconds", result.seconds())
            .put("events_per_second", result.eventsPerSecond())
            .put("p50_ms", latency.percentileMillis(50))
            .put("p99_ms", latency.percentileMillis(99))
            .put("p999_ms", latency.percentileMillis(99.9))
            .put("max_heap_bytes", result.maxHeapBytes())
            .put("playbook_firings", result.firings());
    node.set("stages", new ObjectMapper().valueToTree(result.stages()));
    details.add(
        String.format(
            Locale.ROOT,
            "%-30s %,10.0f events/s  p50 %6.2f ms  p99 %7.2f ms  p999 %7.2f ms  "
                + "heap max %4d MiB  firings %d",
            result.name(),
            result.eventsPerSecond(),
            latency.percentileMillis(50),
            latency.percentileMillis(99),
            latency.percentileMillis(99.9),
            result.maxHeapBytes() >> 20,
            result.firings()));
    result
        .stages()
        .forEach(
            (stage, counts) ->
                details.add("    " + String.format(Locale.ROOT, "%-9s", stage) + counts(counts)));
    if (rate == 0 && result.name().contains("discarding")) {
      lines.add(
          new Line(
              "in-process pipeline, examples/auth",
              perSecond(result.eventsPerSecond(), "events"),
              ">= 200,000 events/s",
              result.eventsPerSecond() >= 200_000));
    }
    if (rate == 100_000) {
      lines.add(
          new Line(
              "p99 latency at 100,000 events/s",
              ms(latency.percentileMillis(99)),
              "<= 20 ms",
              latency.percentileMillis(99) <= 20));
    }
  }

  void ingest(HttpLoad.Ingest ingest) {
    json.putObject("http_ingest")
        .put("accepted", ingest.accepted())
        .put("refused", ingest.refused())
        .put("seconds", ingest.seconds())
        .put("events_per_second", ingest.eventsPerSecond())
        .put("clients", ingest.clients());
    lines.add(
        new Line(
            "HTTP NDJSON ingest (" + ingest.clients() + " clients, 1,000 lines a request)",
            perSecond(ingest.eventsPerSecond(), "events"),
            "(reported)",
            null));
  }

  void invoke(HttpLoad.Invoke invoke) {
    LatencyHistogram latency = invoke.latency();
    json.putObject("invocation")
        .put("per_second", invoke.perSecond())
        .put("sent", invoke.sent())
        .put("failed", invoke.failed())
        .put("p50_ms", latency.percentileMillis(50))
        .put("p99_ms", latency.percentileMillis(99))
        .put("p999_ms", latency.percentileMillis(99.9));
    details.add(
        String.format(
            Locale.ROOT,
            "invocation at %,d/s: %,d sent, %d failed, p50 %.2f ms, p99 %.2f ms, "
                + "p999 %.2f ms%s",
            invoke.perSecond(),
            invoke.sent(),
            invoke.failed(),
            latency.percentileMillis(50),
            latency.percentileMillis(99),
            latency.percentileMillis(99.9),
            invoke.failures().isEmpty() ? "" : "; failures " + invoke.failures()));
    lines.add(
        new Line(
            "invocation p99 at " + String.format(Locale.ROOT, "%,d", invoke.perSecond()) + " req/s",
            ms(latency.percentileMillis(99)),
            "<= 5 ms",
            latency.percentileMillis(99) <= 5 && invoke.failed() == 0));
  }

  void sink(SinkRun.Result sink) {
    json.putObject("clickhouse_sink")
        .put("rows", sink.rows())
        .put("batch", sink.batchSize())
        .put("seconds", sink.seconds())
        .put("rows_per_second", sink.rowsPerSecond());
    lines.add(
        new Line(
            "ClickHouse sink (batches of " + sink.batchSize() + ")",
            perSecond(sink.rowsPerSecond(), "rows"),
            ">= 100,000 rows/s",
            sink.rowsPerSecond() >= 100_000));
  }

  void skipped(String figure, String why) {
    ArrayNode skipped = json.withArray("skipped");
    skipped.addObject().put("figure", figure).put("why", why);
    lines.add(new Line(figure, "skipped: " + why, "", null));
  }

  void print(PrintStream out) {
    lines.add(
        new Line(
            "heap used, most seen in any run",
            (maxHeap >> 20) + " MiB",
            "<= 1024 MiB",
            maxHeap <= GIB));
    json.put("max_heap_bytes", maxHeap);
    out.println();
    details.forEach(out::println);
    out.println();
    out.printf(Locale.ROOT, "%-58s %-22s %-20s %s%n", "FIGURE", "MEASURED", "TARGET", "");
    for (Line line : lines) {
      String verdict = line.met() == null ? "" : line.met() ? "met" : "SHORT";
      out.printf(
          Locale.ROOT,
          "%-58s %-22s %-20s %s%n",
          line.figure(),
          line.measured(),
          line.target(),
          verdict);
    }
  }

  ObjectNode json() {
    return json;
  }

  private static String counts(Map<String, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (outcome, value) -> {
          if (value > 0) {
            text.append(' ').append(outcome).append(' ').append(value);
          }
        });
    return text.toString();
  }

  private static String perSecond(double value, String unit) {
    return String.format(Locale.ROOT, "%,.0f %s/s", value, unit);
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f ms", value);
  }
}
