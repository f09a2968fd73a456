package dev.ben.bench.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time this process's threads used while it watched, from {@code /proc/self/task}: what
 * contention on a shared machine does not move, unlike the rate. Grouped by thread name without its
 * number (GC workers, JIT compilers, each dispatcher), and the busiest single thread, which bounds
 * the rate a pipeline with one thread per island reaches when every thread has a core of its own.
 * Threads that end before the watch closes are not counted.
 */
final class CpuWatch {

  /** CPU time of the watched interval: total, per group, and the busiest thread's. */
  record Use(long totalNanos, Map<String, Long> byGroupNanos, String busiest, long busiestNanos) {

    static final Use NONE = new Use(0, Map.of(), "", 0);

    /** Microseconds of CPU per event. */
    double microsPerEvent(long nanos, long events) {
      return events == 0 ? 0 : nanos / 1e3 / events;
    }
  }

  private static final Path TASKS = Path.of("/proc/self/task");

  private final Map<String, Long> startTicks;

  CpuWatch() {
    startTicks = ticksByThread();
  }

  /** The CPU time used since this watch started. */
  Use use() {
    Map<String, Long> now = ticksByThread();
    Map<String, Long> byGroup = new HashMap<>();
    long total = 0;
    String busiest = "";
    long busiestTicks = 0;
    for (Map.Entry<String, Long> thread : now.entrySet()) {
      long ticks = thread.getValue() - startTicks.getOrDefault(thread.getKey(), 0L);
      total += ticks;
      String name = thread.getKey().substring(thread.getKey().indexOf(' ') + 1);
      byGroup.merge(group(name), ticks * ProcStat.NANOS_PER_TICK, Long::sum);
      if (ticks > busiestTicks) {
        busiestTicks = ticks;
        busiest = name;
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return new Use(
        total * ProcStat.NANOS_PER_TICK, sorted, busiest, busiestTicks * ProcStat.NANOS_PER_TICK);
  }

  /** A thread's name without the number that tells it from its siblings. */
  static String group(String name) {
    return name.replaceAll("[#-]?\\d+$", "").replaceAll("\\d+$", "").strip();
  }

  /** CPU ticks of every live thread, keyed by "tid name". */
  private static Map<String, Long> ticksByThread() {
    Map<String, Long> ticks = new HashMap<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(
          task -> {
            try {
              String stat = Files.readString(task.resolve("stat"));
              String name = Files.readString(task.resolve("comm")).strip();
              ticks.put(task.getFileName() + " " + name, ProcStat.cpuTicks(stat));
            } catch (IOException | RuntimeException ended) {
              // The thread ended while being read: its time is not counted.
            }
          });
    } catch (IOException unavailable) {
      return Map.of();
    }
    return ticks;
  }
}
