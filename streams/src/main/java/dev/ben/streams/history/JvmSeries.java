package dev.ben.streams.history;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The JVM figures bux charts beside the pipelines: heap used and its maximum, threads, and the
 * total time spent collecting garbage (a counter, so its rate is the share of time lost to GC).
 */
public final class JvmSeries implements SeriesSource {

  public static final String HEAP_USED = "jvm_memory_used_bytes{area=\"heap\"}";
  public static final String HEAP_MAX = "jvm_memory_max_bytes{area=\"heap\"}";
  public static final String GC_SECONDS = "jvm_gc_collection_seconds_total";
  public static final String THREADS = "jvm_threads_current";

  @Override
  public void sampleInto(SeriesSample sample) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    sample.gauge(HEAP_USED, heap.getUsed());
    // -1 when the JVM sets no maximum: the chart then has no ceiling to draw.
    if (heap.getMax() >= 0) {
      sample.gauge(HEAP_MAX, heap.getMax());
    }
    sample.counter(GC_SECONDS, gcMillis() / 1000.0);
    sample.gauge(THREADS, ManagementFactory.getThreadMXBean().getThreadCount());
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      // A collector that cannot tell its time answers -1.
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }
}
