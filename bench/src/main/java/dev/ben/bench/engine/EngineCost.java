package dev.ben.bench.engine;

import dev.ben.bench.dataplane.AuthTraffic;
import java.lang.management.ManagementFactory;

/**
 * CPU time and bytes allocated per event of {@link EngineLoop} on this thread, over the same ring
 * of lines and clock as {@link AuthEngineBenchmark}: figures that a busy machine barely moves, for
 * A/B comparisons. Run {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * dev.ben.bench.engine.EngineCost [events per round] [rounds]}; each round prints one line.
 */
public final class EngineCost {

  private EngineCost() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    AuthTraffic traffic = new AuthTraffic(7, AuthEngineBenchmark.USERS);
    byte[][] lines = new byte[AuthEngineBenchmark.RING][];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = traffic.next();
    }
    EngineLoop engine = new EngineLoop(AuthExample.compile(), AuthEngineBenchmark.DEPLOYMENT_KEY);
    long now = AuthTraffic.START.toEpochMilli();
    int next = 0;
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long bytes = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < events; i++) {
        next = (next + 1) & (lines.length - 1);
        sink += engine.process(lines[next], ++now).bits().size();
      }
      double cpuPerEvent = (threads.getCurrentThreadCpuTime() - cpu) / (double) events;
      double bytesPerEvent = (threads.getThreadAllocatedBytes(thread) - bytes) / (double) events;
      System.out.printf(
          "round %d: %.0f ns CPU/event (%,.0f events/s of CPU), %.0f B/event%n",
          round, cpuPerEvent, 1e9 / cpuPerEvent, bytesPerEvent);
    }
    System.out.println("(bits seen: " + sink + ", rows: " + engine.rows() + ")");
  }
}
