package dev.ben.bux;

import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.stream.Materializer;

/**
 * What a node would lend the gateway, built from the real types: a metrics registry, a live hub and
 * a health report the test sets.
 */
final class TestPorts implements AutoCloseable {

  static final HealthReport UP =
      new HealthReport(HealthReport.Status.UP, Map.of("store", "test writer"));

  final MetricsRegistry metrics = new MetricsRegistry();
  final LiveHub<String> live;
  private final AtomicReference<HealthReport> health = new AtomicReference<>(UP);

  TestPorts(ClassicActorSystemProvider system) {
    live = new LiveHub<>(String.class, Materializer.matFromSystem(system), 64);
  }

  GatewayPorts ports() {
    return new GatewayPorts(live, metrics, health::get);
  }

  void reportHealth(HealthReport report) {
    health.set(report);
  }

  @Override
  public void close() {
    live.close();
  }
}
