package dev.ben.actors.testing;

import com.typesafe.config.ConfigFactory;
import dev.ben.config.EventLogSettings;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.RocksEventLogStore;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.metrics.MetricsRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;

/**
 * An event log on RocksDB in a test's folder with an emitter draining into it, for tests of what
 * components record; {@link #events} reads what was published.
 */
public final class TestEventLog implements AutoCloseable {

  private final RocksEventLogStore store;
  private final EventLog log;
  private final ExecutorService blocking = Executors.newSingleThreadExecutor();
  private final EventEmitter emitter;

  public TestEventLog(Path dir, ActorSystem<?> system) {
    EventLogSettings settings = EventLogSettings.fromConfig(ConfigFactory.defaultReference());
    this.store = RocksEventLogStore.open(dir, Clock.systemUTC());
    this.log = BuiltInComponents.logOn(store, settings, Clock.systemUTC());
    this.emitter =
        EventEmitter.start(
            log, settings, new MetricsRegistry(), Materializer.matFromSystem(system), blocking);
  }

  public EventEmitter emitter() {
    return emitter;
  }

  /** Every event of {@code type} published so far, oldest first. */
  public List<StoredEvent> events(String type) {
    return log.read(BuiltInComponents.SIGNALS, 0, Set.of(type), 500);
  }

  /** Drains what was emitted, then closes the store. */
  @Override
  public void close() throws ExecutionException, TimeoutException {
    try {
      emitter.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the emitter drained", e);
    } finally {
      blocking.shutdown();
      store.close();
    }
  }
}
