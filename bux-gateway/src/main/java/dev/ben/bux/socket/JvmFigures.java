package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** The gateway process's heap, garbage collection time and threads, read from its MXBeans. */
final class JvmFigures {

  private JvmFigures() {}

  static void render(ObjectNode into) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long gcMillis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      // -1 when a collector does not report its time.
      gcMillis += Math.max(0, collector.getCollectionTime());
    }
    into.put("heap_used_bytes", heap.getUsed())
        .put("heap_max_bytes", heap.getMax())
        .put("gc_seconds_total", gcMillis / 1000.0)
        .put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
  }
}
