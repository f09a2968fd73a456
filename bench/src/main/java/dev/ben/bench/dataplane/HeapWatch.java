package dev.ben.bench.dataplane;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use seen while it runs, sampled every 50 ms (what a 1 GiB budget has to hold).
 */
public final class HeapWatch implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong max = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "heap-watch");
            thread.setDaemon(true);
            return thread;
          });

  public HeapWatch() {
    sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
  }

  public long maxUsedBytes() {
    sample();
    return max.get();
  }

  /** Heap in use right after a full collection: what the run keeps, not what it churns. */
  public long retainedBytes() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
