package dev.ben.actors.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.actors.node.ControlServices;
import dev.ben.actors.node.HashKeyFile;
import dev.ben.actors.node.NodeConfig;
import dev.ben.actors.node.NodeIdentities;
import dev.ben.actors.node.NodeServices;
import dev.ben.actors.node.RootGuardian;
import dev.ben.actors.node.tls.ClusterCredentials;
import dev.ben.config.BenSettings;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.auth.AppKeys;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.InitialAdmin;
import dev.ben.streams.auth.StoredApp;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.blob.LocalBlobStore;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.RocksEventLogStore;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.ledger.RocksLedgerStore;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.StoreException;
import dev.ben.streams.store.migrate.DataMigrator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * A whole Ben node in the test JVM, on ephemeral ports. Pass-through pipelines store through a
 * writer chosen by the test; contract-driven pipelines store into their schema tables in {@link
 * #store}, an embedded store under the node's home (a test may put a gate in front of it). Closing
 * it runs the node's coordinated shutdown and waits, then deletes the home when the node made it (a
 * test that passes its own home, to start a node on it again, keeps it).
 */
public final class TestNode implements AutoCloseable {

  public final ActorSystem<RootGuardian.Command> system;
  public final MetricsRegistry metrics = new MetricsRegistry().withJvmMetrics();

  /** The analytical store behind the node's schema tables, for tests to query. */
  public final EmbeddedStore store;

  public final RootGuardian.Endpoints endpoints;

  /** The node's event log, for tests to publish into as its own components would. */
  public final EventLog eventLog;

  private final NodeServices services;
  private final RocksEventLogStore eventStore;
  private final BenSettings settings;
  private final HttpClient http = HttpClient.newHttpClient();
  private final java.util.Map<String, String> appKeys = new java.util.HashMap<>();
  private final AppKeys keyMint = new AppKeys(new java.security.SecureRandom());

  /** The home this node made for itself, deleted on close; null when the test passed one. */
  private Path ownHome;

  public TestNode(String overrides, BatchWriter writer) {
    this(overrides, writer, freshHome());
    this.ownHome = settings.home();
  }

  public TestNode(String overrides, BatchWriter writer, Path home) {
    this(overrides, writer, home, UnaryOperator.identity());
  }

  /**
   * @param storeInFront wraps the node's store as the node sees it (a gate that holds writes shut,
   *     say)
   */
  public TestNode(
      String overrides,
      BatchWriter writer,
      Path home,
      UnaryOperator<AnalyticalStore> storeInFront) {
    Config base =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.parseString("ben.home = \"" + home + "\""))
            .withFallback(
                ConfigFactory.parseString(
                    """
            ben.node.port = 0
            ben.ingest.port = 0
            ben.ingest.socket.port = 0
            ben.gateway.port = 0
            ben.ops.port = 0
            ben.control.port = 0
            pekko.actor.serialize-messages = on
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            """))
            .withFallback(ConfigFactory.load())
            .resolve();
    settings = BenSettings.fromConfig(base);
    TestClusterCredentials.install(settings.home());
    ClusterCredentials.prepare(settings, Instant.now());
    RocksIndex index = RocksIndex.open(settings.dataDir().resolve("index"));
    eventStore = RocksEventLogStore.open(settings.dataDir().resolve("eventlog"), Clock.systemUTC());
    ControlServices control;
    try {
      eventLog = BuiltInComponents.logOn(eventStore, settings.eventLog(), Clock.systemUTC());
      IdentityStore identities = NodeIdentities.open(settings, Optional.empty(), index);
      control =
          new ControlServices(
              new StoreAccess(new LocalBlobStore(settings.dataDir().resolve("blobs")), index),
              () -> RocksLedgerStore.open(settings.dataDir().resolve("ledger"), settings.ledger()),
              Optional.empty(),
              TrustedKeys.load(settings.ledger().trustedKeys()),
              HashKeyFile.loadOrCreate(settings.spine().hashKeyFile()),
              identities,
              NodeIdentities.prepare(settings, identities),
              eventLog);
    } catch (KeyFileException | RuntimeException e) {
      eventStore.close();
      index.close();
      throw new IllegalArgumentException(e);
    }
    ObjectMapper mapper = new ObjectMapper();
    store = EmbeddedStore.open(settings.dataDir().resolve("store.duckdb"), mapper);
    services =
        new NodeServices(
            metrics,
            mapper,
            writer,
            new DataMigrator(storeInFront.apply(store), mapper),
            Executors.newFixedThreadPool(2),
            java.util.Map.of("store", "test writer"),
            index,
            control,
            () -> {
              store.close();
              eventStore.close();
              index.close();
            });
    system =
        ActorSystem.create(
            RootGuardian.create(settings, services),
            NodeConfig.SYSTEM_NAME,
            NodeConfig.withNodeSettings(base, settings));
    endpoints =
        AskPattern.<RootGuardian.Command, RootGuardian.Endpoints>ask(
                system, RootGuardian.GetEndpoints::new, Duration.ofSeconds(20), system.scheduler())
            .toCompletableFuture()
            .join();
  }

  /**
   * Rows in a table of the node's store; 0 while the table does not exist yet (its first batch
   * creates it).
   */
  public long rows(String table) {
    try {
      return store.queryJson("SELECT count(*) AS n FROM " + table).get(0).get("n").asLong();
    } catch (StoreException e) {
      return 0;
    }
  }

  private static Path freshHome() {
    try {
      return Files.createTempDirectory("ben-test-node");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The node's own token issuer, for tests that need a token of some role or age. */
  public Tokens tokens() {
    return services.control().tokens();
  }

  /** The node's event log, for tests to read what the node recorded. */
  public EventLog eventLog() {
    return eventLog;
  }

  /** The node's users, for tests that add some. */
  public IdentityStore identities() {
    return services.control().identities();
  }

  /** A token of the node's first administrator, as `benctl login` would get one. */
  public String adminToken() {
    return tokens().issue(InitialAdmin.USER, UserRole.ADMIN).token();
  }

  /** Where the node wrote its first administrator's password. */
  public Path initialAdminFile() {
    return settings.auth().initialAdminFile();
  }

  /** Where benctl reaches this node's control API. */
  public String controlAddress() {
    return "127.0.0.1:" + endpoints.control().port();
  }

  public URI ingest(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + endpoints.ingest().port() + pathAndQuery);
  }

  /**
   * A request to the ingest endpoint carrying the key of the app the path names ({@code app=} in
   * its query, else {@code default}) and the type of body the endpoint reads, as the app itself
   * would send it ({@code setHeader} replaces the type).
   */
  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(ingest(pathAndQuery))
        .header("Authorization", "Bearer " + appKey(appOf(pathAndQuery)))
        .setHeader("Content-Type", contentType(pathAndQuery));
  }

  /**
   * Posts a body as an app would: NDJSON to {@code /api/v1/events}, JSON anywhere else (the type
   * each endpoint reads).
   */
  public HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
    return http.send(
        request(pathAndQuery).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The type of body the ingest endpoint at this path reads. */
  public static String contentType(String pathAndQuery) {
    return pathAndQuery.startsWith("/api/v1/events") ? "application/x-ndjson" : "application/json";
  }

  /**
   * The key of {@code app}, which this node creates (with these beacon origins) the first time a
   * test asks for it; an app created otherwise has no key the test node knows.
   */
  public synchronized String appKey(String app, String... beaconOrigins) {
    return appKeys.computeIfAbsent(
        app,
        name -> {
          String key = keyMint.mint(name);
          StoredApp stored =
              new StoredApp(
                  name,
                  AppKeys.hash(key),
                  java.time.Instant.now(),
                  InitialAdmin.USER,
                  Optional.empty(),
                  java.util.List.of(beaconOrigins));
          if (!identities().createApp(stored)) {
            throw new IllegalStateException("app " + name + " exists without a key this node made");
          }
          return key;
        });
  }

  private static String appOf(String pathAndQuery) {
    java.util.regex.Matcher app =
        java.util.regex.Pattern.compile("[?&]app=([^&]*)").matcher(pathAndQuery);
    return app.find() ? app.group(1) : "default";
  }

  public HttpClient http() {
    return http;
  }

  @Override
  public void close() throws IOException {
    system.terminate();
    system
        .getWhenTerminated()
        .toCompletableFuture()
        .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
        .join();
    try {
      services.close();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("closing the test node's services failed", e);
    }
    if (ownHome != null) {
      MoreFiles.deleteRecursively(ownHome, RecursiveDeleteOption.ALLOW_INSECURE);
    }
  }
}
