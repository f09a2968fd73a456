package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The node's cost read from /proc, tried on this test's own process. */
class NodeCostTest {

  @Test
  void aProcessThatWorkedAndWaitedShowsCpuAndContextSwitches() throws Exception {
    NodeCost self = NodeCost.of(ProcessHandle.current().pid()).orElseThrow();
    NodeCost.Sample before = self.sample();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
    long spins = 0;
    while (System.nanoTime() < deadline) {
      spins++;
    }
    // A thread that parks and is woken switches context at least twice.
    for (int i = 0; i < 20; i++) {
      CountDownLatch woken = new CountDownLatch(1);
      Thread waker = new Thread(woken::countDown);
      waker.start();
      woken.await();
      waker.join();
    }
    NodeCost.Sample after = self.sample();
    assertTrue(spins > 0);
    assertTrue(after.cpuTicks() - before.cpuTicks() >= 10, before + " then " + after);
    assertTrue(after.contextSwitches() > before.contextSwitches(), before + " then " + after);
  }

  @Test
  void theCostIsDividedByTheRequests() {
    String text =
        NodeCost.perRequest(
            new NodeCost.Sample(100, 1_000), new NodeCost.Sample(180, 51_000), 2_000);
    assertEquals("; the node spent 400 us of CPU and 25.0 context switches per invocation", text);
    assertEquals("", NodeCost.perRequest(new NodeCost.Sample(0, 0), new NodeCost.Sample(1, 1), 0));
  }

  @Test
  void noPidMeansNoNode() {
    assertTrue(NodeCost.of(0).isEmpty());
  }
}
