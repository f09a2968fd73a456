package dev.ben.actors.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.BenSettings;
import dev.ben.streams.connect.Connectors;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.store.RawEventTable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the services of a real node from its settings: connectors, the store writer, the blocking executor. */
final class NodeServicesFactory {

  private static final Logger log = LoggerFactory.getLogger(NodeServicesFactory.class);

  private NodeServicesFactory() {}

  static NodeServices open(BenSettings settings) {
    ObjectMapper mapper = new ObjectMapper();
    Connectors connectors = Connectors.open(settings.connectors(), settings.dataDir(), mapper);
    try {
      connectors.describe().forEach((name, where) -> log.info("{}: {}", name, where));
      return new NodeServices(new MetricsRegistry(), mapper, RawEventTable.writer(connectors.store(), mapper),
          blockingExecutor(), connectors.describe(), connectors);
    } catch (RuntimeException e) {
      connectors.close();
      throw e;
    }
  }

  /** Store and other blocking I/O run here, never on the dispatcher threads that run the streams. */
  private static ExecutorService blockingExecutor() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "ben-blocking-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
