package dev.ben.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH JSON result of {@link SpineBenchmark} and {@link
 * dev.ben.bench.engine.AuthEngineBenchmark} and prints what the numbers mean for an operator:
 * events per second per core for each variant, and what doubling the rules over the same predicates
 * costs.
 */
public final class BenchSummary {

  private BenchSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: BenchSummary JMH-RESULT.json");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, Double> nanos = new LinkedHashMap<>();
    for (JsonNode result : results) {
      if (result.get("benchmark").asText().contains("AuthEngineBenchmark")) {
        printAuthEngine(result);
        continue;
      }
      String name = result.get("benchmark").asText().replaceAll(".*\\.", "");
      String copies = result.path("params").path("ruleCopies").asText("1");
      double score = result.get("primaryMetric").get("score").asDouble();
      double error = result.get("primaryMetric").get("scoreError").asDouble();
      nanos.put(name + "/" + copies, score);
      System.out.printf(
          Locale.ROOT,
          "%-12s rules x%s  %8.0f ± %5.0f ns/event  %,12.0f events/s per core%n",
          name,
          copies,
          score,
          error,
          1e9 / score);
    }
    for (String name : new String[] {"spine", "bitspecOnly"}) {
      Double single = nanos.get(name + "/1");
      Double doubled = nanos.get(name + "/2");
      if (single != null && doubled != null) {
        System.out.printf(
            Locale.ROOT,
            "%-12s doubling the rules (same predicates) costs %+.1f%% per event%n",
            name,
            100 * (doubled - single) / single);
      }
    }
  }

  /**
   * One line per AuthEngineBenchmark result: the engines or the plain Java reference on
   * examples/auth, with bytes allocated per event when the run had {@code -prof gc}.
   */
  private static void printAuthEngine(JsonNode result) {
    String name = result.get("benchmark").asText().replaceAll(".*\\.", "");
    double nanos = result.get("primaryMetric").get("score").asDouble();
    JsonNode bytes = result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
    System.out.printf(
        Locale.ROOT,
        "examples/auth %-9s %8.0f ns/event  %,10.0f events/s on one thread  %s%n",
        name,
        nanos,
        1e9 / nanos,
        bytes.isMissingNode()
            ? "(run with -prof gc for B/event)"
            : String.format(Locale.ROOT, "%,.0f B/event", bytes.asDouble()));
  }
}
