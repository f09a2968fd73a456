package dev.ben.bux;

import dev.ben.bux.api.HealthReport;
import dev.ben.bux.api.InMemoryApi;
import dev.ben.bux.socket.BundleReads;
import dev.ben.bux.socket.TopicPorts;
import dev.ben.streams.auth.CurrentUsers;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.PasswordHashes;
import dev.ben.streams.auth.RocksIdentityStore;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.stream.Materializer;

/**
 * What a node would lend the gateway, built from the real types: a metrics registry, a live hub, a
 * health report the test sets, a metrics history and an event log in memory, users ({@link #USER},
 * a viewer) in a RocksDB identity store on a temporary folder, with a token issuer, and ben_api's
 * reads over {@link InMemoryApi}.
 */
final class TestPorts implements AutoCloseable {

  static final HealthReport UP =
      new HealthReport(HealthReport.Status.UP, Map.of("store", "test writer"));
  static final String USER = "vera";
  static final String PASSWORD = "correct horse battery staple";
  // Nothing remembered: a change to a user shows at once, so tests need not wait for it.
  static final Duration USER_TTL = Duration.ZERO;

  final MetricsRegistry metrics = new MetricsRegistry();
  final LiveHub<String> live;
  private final Path identitiesDir;
  private final RocksIndex index;
  final IdentityStore identities;
  final Tokens tokens = tokens((byte) 7);
  final InMemoryHistory history = new InMemoryHistory();
  final InMemoryEventLog eventLog = new InMemoryEventLog();
  private final AtomicReference<HealthReport> health = new AtomicReference<>(UP);
  final InMemoryApi api = new InMemoryApi();

  /** The websocket's other topics; none unless a test lends some before taking {@link #ports}. */
  TopicPorts topics = TopicPorts.none();

  BundleReads bundles = BundleReads.none();

  TestPorts(ClassicActorSystemProvider system) {
    live = new LiveHub<>(String.class, Materializer.matFromSystem(system), 64);
    try {
      identitiesDir = Files.createTempDirectory("bux-identities");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    index = RocksIndex.open(identitiesDir);
    identities = new RocksIdentityStore(index);
    identities.createUser(
        new StoredUser(
            USER, UserRole.VIEWER, new PasswordHashes(new SecureRandom()).hash(PASSWORD)));
  }

  /** An issuer under a secret of {@code fill} bytes; another fill is another cluster's. */
  static Tokens tokens(byte fill) {
    byte[] secret = new byte[Tokens.SECRET_BYTES];
    Arrays.fill(secret, fill);
    return new Tokens(secret, Duration.ofHours(1), Duration.ZERO, Clock.systemUTC());
  }

  /** A valid token of the test's viewer. */
  String token() {
    return tokens.issue(USER, UserRole.VIEWER).token();
  }

  GatewayPorts ports() {
    return new GatewayPorts(
        live,
        metrics,
        health::get,
        identities,
        tokens,
        new CurrentUsers(identities, USER_TTL),
        history,
        api.ledger(),
        api.cluster(),
        api.events(),
        topics,
        bundles,
        eventLog);
  }

  long refused(String reason) {
    return metrics.value(Refusal.METRIC, Labels.of("reason", reason));
  }

  void reportHealth(HealthReport report) {
    health.set(report);
  }

  @Override
  public void close() {
    live.close();
    index.close();
    try (var files = Files.walk(identitiesDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
