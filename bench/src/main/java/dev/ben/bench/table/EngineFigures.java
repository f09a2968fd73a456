package dev.ben.bench.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the JMH result of the engine benchmark (one thread, {@code -prof gc}) into the section file
 * {@code engine.json}. Usage: {@code EngineFigures JMH_RESULT.json OUT_DIR}. A benchmark method
 * whose name contains "plain" is the reference (the same work as a plain Java loop); the figure is
 * the method named "engine" if there is one, else the first other method. Each JMH score is taken
 * per operation, so a benchmark that handles several events per call declares it with
 * {@code @OperationsPerInvocation}; allocation comes from {@code gc.alloc.rate.norm}.
 */
public final class EngineFigures {

  /** One benchmark method's result: events per second and bytes allocated per event (or -1). */
  record Score(String method, double eventsPerSecond, double bytesPerEvent) {}

  private EngineFigures() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: EngineFigures JMH_RESULT.json OUT_DIR");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    section(scores(results)).write(Path.of(args[1]));
  }

  static List<Score> scores(JsonNode results) {
    List<Score> scores = new ArrayList<>();
    for (JsonNode result : results) {
      String method = result.path("benchmark").asText().replaceAll(".*\\.", "");
      JsonNode primary = result.path("primaryMetric");
      double perSecond =
          perSecond(primary.path("score").asDouble(), primary.path("scoreUnit").asText());
      double bytes = -1;
      for (var metric : result.path("secondaryMetrics").properties()) {
        if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
          bytes = metric.getValue().path("score").asDouble();
        }
      }
      scores.add(new Score(method, perSecond, bytes));
    }
    return scores;
  }

  static Section section(List<Score> scores) {
    Section section = new Section(Figure.ENGINE_ONE_THREAD.file());
    Score reference = null;
    Score engine = null;
    for (Score score : scores) {
      section.detail(
          String.format(
              Locale.ROOT,
              "%-24s %,12.0f events/s on one thread, %s allocated per event",
              score.method(),
              score.eventsPerSecond(),
              score.bytesPerEvent() < 0
                  ? "? B"
                  : String.format(Locale.ROOT, "%,.0f B", score.bytesPerEvent())));
      if (score.method().toLowerCase(Locale.ROOT).contains("plain")) {
        reference = reference == null ? score : reference;
      } else if (engine == null || score.method().equals("engine")) {
        engine = score;
      }
    }
    if (engine == null) {
      return section.notRun("the engine benchmark has no method other than the plain reference");
    }
    Measured measured = Measured.of(engine.eventsPerSecond());
    if (engine.bytesPerEvent() >= 0) {
      measured =
          measured.note(
              String.format(
                  Locale.ROOT,
                  "%,.0f B allocated per event (JMH -prof gc)",
                  engine.bytesPerEvent()));
    }
    measured =
        reference == null
            ? measured.referenceNotRun("the engine benchmark has no method named *plain*")
            : measured.reference(reference.eventsPerSecond(), null);
    return section.put(Figure.ENGINE_ONE_THREAD, measured);
  }

  /** A JMH score in its unit as events per second (one operation is one event). */
  static double perSecond(double score, String unit) {
    return switch (unit) {
      case "ops/s" -> score;
      case "ops/ms" -> score * 1e3;
      case "ops/us" -> score * 1e6;
      case "ns/op" -> 1e9 / score;
      case "us/op" -> 1e6 / score;
      case "ms/op" -> 1e3 / score;
      case "s/op" -> 1 / score;
      default ->
          throw new IllegalArgumentException("a JMH unit the engine figure cannot read: " + unit);
    };
  }
}
