package dev.ben.bench.dataplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the node process spent while a load ran, read from Linux's {@code /proc}: CPU time (user and
 * system) and context switches (voluntary and not) of all its threads. Divided by the requests
 * served, it says what one request costs the node, beside the latency the load measured: on two
 * cores that cost, more than any one slow step, is what makes the tail (docs/bench.md).
 */
final class NodeCost {

  /** What the node had spent by one moment. */
  record Sample(long cpuTicks, long contextSwitches) {}

  private final long pid;

  private NodeCost(long pid) {
    this.pid = pid;
  }

  /** The node with process id {@code pid}, or nothing when no pid was given (0). */
  static Optional<NodeCost> of(long pid) {
    return pid > 0 ? Optional.of(new NodeCost(pid)) : Optional.empty();
  }

  Sample sample() throws IOException {
    Path process = Path.of("/proc", Long.toString(pid));
    long ticks = ProcStat.cpuTicks(Files.readString(process.resolve("stat")));
    long switches = 0;
    try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        switches += switchesOf(task);
      }
    }
    return new Sample(ticks, switches);
  }

  /** A thread that ended while it was listed counts nothing. */
  private static long switchesOf(Path task) {
    try {
      long switches = 0;
      for (String line : Files.readAllLines(task.resolve("status"))) {
        if (line.startsWith("voluntary_ctxt_switches:")
            || line.startsWith("nonvoluntary_ctxt_switches:")) {
          switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
      }
      return switches;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The cost per request between two samples, as text for a figure's note. */
  static String perRequest(Sample before, Sample after, long requests) {
    if (requests <= 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "; the node spent %.0f us of CPU and %.1f context switches per invocation",
        (after.cpuTicks() - before.cpuTicks()) * (ProcStat.NANOS_PER_TICK / 1e3) / requests,
        (double) (after.contextSwitches() - before.contextSwitches()) / requests);
  }
}
