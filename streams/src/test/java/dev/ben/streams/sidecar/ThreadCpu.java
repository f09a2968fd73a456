package dev.ben.streams.sidecar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by name (Linux, from /proc), native ones included: RocksDB's
 * background threads, the collector and the compiler show beside the Java threads. Names are
 * grouped without their numbers. Empty where /proc is not there.
 */
final class ThreadCpu {

  private static final double TICKS_PER_SECOND = 100;

  private ThreadCpu() {}

  /** Seconds of CPU by thread group since the process started. */
  static Map<String, Double> byGroup() {
    Map<String, Double> seconds = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return seconds;
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      threads.forEach(thread -> add(thread, seconds));
    } catch (IOException e) {
      return seconds;
    }
    return seconds;
  }

  private static void add(Path thread, Map<String, Double> seconds) {
    try {
      String stat = Files.readString(thread.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String name = stat.substring(open + 1, close).replaceAll("[0-9#-]+$", "").trim();
      String[] fields = stat.substring(close + 2).split(" ");
      // After the name: state is field 3 of stat; utime and stime are fields 14 and 15.
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      seconds.merge(name, ticks / TICKS_PER_SECOND, Double::sum);
    } catch (IOException | RuntimeException e) {
      // The thread ended meanwhile.
    }
  }

  /** What each group spent between two readings, in microseconds per event, largest first. */
  static String perEvent(Map<String, Double> before, Map<String, Double> after, long events) {
    StringBuilder text = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(8)
        .forEach(
            e ->
                text.append(
                    String.format(
                        "  %-24s %6.2f us/event%n", e.getKey(), e.getValue() * 1e6 / events)));
    return text.toString();
  }
}
