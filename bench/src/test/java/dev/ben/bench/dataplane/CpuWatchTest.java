package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class CpuWatchTest {

  @Test
  void threadsOfOnePoolShareAGroup() {
    assertEquals("GC Thread", CpuWatch.group("GC Thread#1"));
    assertEquals("C2 CompilerThre", CpuWatch.group("C2 CompilerThre"));
    assertEquals("bench-pekko.act", CpuWatch.group("bench-pekko.act"));
    assertEquals("pool-3-thread", CpuWatch.group("pool-3-thread-12"));
  }

  @Test
  void workDoneWhileWatchingIsCounted() {
    CpuWatch watch = new CpuWatch();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // CPU time, not wall time: on a busy machine a wall-clock wait may get no CPU at all.
    long until = threads.getCurrentThreadCpuTime() + 100_000_000L;
    long spins = 0;
    while (threads.getCurrentThreadCpuTime() < until) {
      spins++;
    }
    CpuWatch.Use use = watch.use();
    assertTrue(spins > 0);
    assertTrue(use.totalNanos() > 0, "some CPU time was counted: " + use);
    assertEquals(2.0, use.microsPerEvent(2_000, 1), 1e-9);
  }
}
