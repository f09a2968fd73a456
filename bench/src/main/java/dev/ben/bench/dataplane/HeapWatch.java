package dev.ben.bench.dataplane;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a run needs, sampled every 50 ms: the most in use right after a collection (what the run
 * holds live, which a 1 GiB budget has to fit), and the most in use at any moment. The second says
 * little under ZGC, which lets the heap fill before it collects.
 */
public final class HeapWatch implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
          .toList();
  private final AtomicLong max = new AtomicLong();
  private final AtomicLong maxAfterCollection = new AtomicLong();
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
    long afterCollection = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      afterCollection += pool.getCollectionUsage().getUsed();
    }
    maxAfterCollection.accumulateAndGet(afterCollection, Math::max);
  }

  /** The most heap in use right after a collection. */
  public long maxAfterCollectionBytes() {
    sample();
    return maxAfterCollection.get();
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
