package dev.ben.tests.control;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.actors.node.NodeConfig;
import dev.ben.actors.node.NodeServices;
import dev.ben.actors.node.NodeServicesFactory;
import dev.ben.actors.node.RootGuardian;
import dev.ben.actors.node.tls.ClusterCredentials;
import dev.ben.actors.pipeline.PipelineHost;
import dev.ben.config.BenSettings;
import dev.ben.config.ClusterTlsSettings;
import dev.ben.tests.support.TestClusterCa;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.event.Logging;

/**
 * A whole Ben node as {@code ./ben node} builds it (real connectors from {@link
 * NodeServicesFactory}, the {@link RootGuardian}), inside the test JVM on 127.0.0.1: either a
 * member of a cluster on NATS, whose remoting port is fixed up front because the other nodes must
 * name it as their seed, or a {@link #standalone} node on the embedded connectors. Every HTTP and
 * gRPC port is ephemeral. Closing it leaves the cluster gracefully (coordinated shutdown) and only
 * then closes the services, in the order {@code BenNode} uses.
 */
public final class ClusterNode implements AutoCloseable {

  /**
   * What every node of one cluster shares: the seed, NATS with its namespace (subjects, streams)
   * and ledger buckets, trust and the keyed-hashing secret.
   */
  record Shared(
      int seedPort,
      String natsUrl,
      String natsNamespace,
      String kvBucket,
      String objectBucket,
      Path trustedKey,
      Path hashKeyFile) {}

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  final int port;
  private final Path home;
  final ActorSystem<RootGuardian.Command> system;
  final RootGuardian.Endpoints endpoints;
  private final NodeServices services;
  private final List<String> serializationFailures = new CopyOnWriteArrayList<>();
  private boolean closed;

  /**
   * Starts a member of the cluster {@code shared} describes, keeping its local state under {@code
   * home}.
   */
  ClusterNode(Path home, int port, Shared shared) {
    this(
        home,
        port,
        ConfigFactory.parseMap(
                Map.of(
                    "ben.node.seeds", List.of("127.0.0.1:" + shared.seedPort()),
                    "ben.ledger.trusted-keys", List.of(shared.trustedKey().toString()),
                    "ben.ledger.kv-bucket", shared.kvBucket(),
                    "ben.ledger.object-bucket", shared.objectBucket(),
                    "ben.auth.kv-bucket", shared.kvBucket() + "_identities",
                    "ben.detector.snapshot-kv-bucket", shared.kvBucket() + "_detector_state",
                    "ben.spine.hash-key-file", shared.hashKeyFile().toString(),
                    "ben.connectors.nats.url", shared.natsUrl(),
                    "ben.connectors.nats.namespace", shared.natsNamespace()))
            .withFallback(
                ConfigFactory.parseString(
                    """
            # Each member keeps its own embedded store (the events these tests check are per node).
            ben.node.allow-embedded-in-cluster-for-tests = true
            # Fast enough for a test that waits on a failover, slow enough for three systems on two cores.
            pekko.cluster.failure-detector.acceptable-heartbeat-pause = 2s
            pekko.cluster.split-brain-resolver.stable-after = 2s
            """)));
  }

  /**
   * A node that seeds its own single-node cluster on the embedded connectors (RocksDB ledger, local
   * blobs, in-JVM notices), trusting bundles signed by {@code trustedKey}. Its remoting port is
   * ephemeral: no other node names it.
   */
  public static ClusterNode standalone(Path home, Path trustedKey) {
    return standalone(home, trustedKey, ConfigFactory.empty());
  }

  /**
   * A {@link #standalone} node whose listeners, the control API among them, serve HTTPS with the
   * test CA's member certificate for 127.0.0.1; {@link #caFile()} is that CA.
   */
  static ClusterNode standaloneOverTls(Path home, Path trustedKey) {
    TestClusterCa.install(home);
    Path folder = ClusterTlsSettings.defaultFolder(home);
    return standalone(
        home,
        trustedKey,
        ConfigFactory.parseMap(
            Map.of(
                "ben.tls.certificate-file",
                folder.resolve(ClusterTlsSettings.CERTIFICATE_NAME).toString(),
                "ben.tls.private-key-file",
                folder.resolve(ClusterTlsSettings.KEY_NAME).toString())));
  }

  /** A {@link #standalone} node with {@code extra} settings over the embedded defaults. */
  public static ClusterNode standalone(Path home, Path trustedKey, Config extra) {
    return new ClusterNode(
        home,
        0,
        extra
            .withFallback(
                ConfigFactory.parseMap(
                    Map.of(
                        "ben.node.seeds", List.of(),
                        "ben.ledger.trusted-keys", List.of(trustedKey.toString()))))
            .withFallback(
                ConfigFactory.parseString(
                    """
            # Embedded even when the developer's shell points BEN_NATS_URL (or the others) at real servers.
            ben.connectors.nats.url = ""
            ben.connectors.clickhouse.url = ""
            ben.connectors.s3.endpoint = ""
            """)));
  }

  /**
   * A single-node cluster on the real servers: NATS (ledger, notices, presence and signals under
   * {@code run} as namespace and bucket names) and ClickHouse (database {@code run}), trusting
   * bundles signed by {@code trustedKey}.
   */
  public static ClusterNode onServers(
      Path home, Path trustedKey, String natsUrl, String clickHouseUrl, String run) {
    return onServers(home, trustedKey, natsUrl, clickHouseUrl, run, ConfigFactory.empty());
  }

  /**
   * An {@link #onServers} node with {@code extra} settings over those. Its event log has a stream,
   * subjects and bucket of its own too, so no earlier run's events show in it.
   */
  public static ClusterNode onServers(
      Path home, Path trustedKey, String natsUrl, String clickHouseUrl, String run, Config extra) {
    return new ClusterNode(
        home,
        0,
        extra
            .withFallback(
                ConfigFactory.parseMap(
                    Map.of(
                        "ben.eventlog.stream", run.toUpperCase(Locale.ROOT) + "_EVENTLOG",
                        "ben.eventlog.subject", "t." + run + ".eventlog",
                        "ben.eventlog.kv-bucket", run + "_eventlog")))
            .withFallback(
                ConfigFactory.parseMap(
                    Map.of(
                        "ben.node.seeds",
                        List.of(),
                        "ben.ledger.trusted-keys",
                        List.of(trustedKey.toString()),
                        "ben.ledger.kv-bucket",
                        run,
                        "ben.ledger.object-bucket",
                        run + "_bundles",
                        "ben.auth.kv-bucket",
                        run + "_identities",
                        "ben.detector.snapshot-kv-bucket",
                        run + "_detector_state",
                        "ben.connectors.nats.url",
                        natsUrl,
                        "ben.connectors.nats.namespace",
                        run,
                        "ben.connectors.clickhouse.url",
                        clickHouseUrl,
                        "ben.connectors.clickhouse.database",
                        run)))
            .withFallback(ConfigFactory.parseString("ben.connectors.s3.endpoint = \"\"")));
  }

  private ClusterNode(Path home, int port, Config specific) {
    this.port = port;
    this.home = home;
    Config base =
        specific
            .withFallback(
                ConfigFactory.parseMap(Map.of("ben.home", home.toString(), "ben.node.port", port)))
            .withFallback(
                ConfigFactory.parseString(
                    """
            ben.node.host = "127.0.0.1"
            ben.node.pass-through-pipelines = []
            ben.ingest.port = 0
            ben.ingest.socket.port = 0
            ben.gateway.port = 0
            ben.ops.port = 0
            ben.control.port = 0
            # A message type without a serializer must fail here, not only on a real multi-host cluster.
            pekko.actor.serialize-messages = on
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            # Cluster members, and the nodes of successive tests, share this JVM's MBean server.
            pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
            """))
            .withFallback(ConfigFactory.load())
            .resolve();
    BenSettings settings = BenSettings.fromConfig(base);
    // Every node of the JVM holds a certificate of the same test CA, so members accept each other.
    TestClusterCa.install(home);
    ClusterCredentials.prepare(settings, Instant.now());
    services = NodeServicesFactory.open(settings);
    try {
      system =
          ActorSystem.create(
              RootGuardian.create(settings, services),
              NodeConfig.SYSTEM_NAME,
              NodeConfig.withNodeSettings(base, settings));
    } catch (RuntimeException e) {
      closeServices();
      throw e;
    }
    watchSerializationFailures();
    try {
      CompletableFuture<RootGuardian.Endpoints> bound =
          AskPattern.<RootGuardian.Command, RootGuardian.Endpoints>ask(
                  system, RootGuardian.GetEndpoints::new, START_TIMEOUT, system.scheduler())
              .toCompletableFuture();
      // A guardian that fails to start stops the system; say so now rather than when the ask times
      // out.
      system
          .getWhenTerminated()
          .thenRun(
              () ->
                  bound.completeExceptionally(
                      new IllegalStateException(
                          "the actor system stopped while starting (see the ERROR logged above)")));
      endpoints = bound.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      IllegalStateException failure =
          new IllegalStateException(name() + " did not bind its endpoints: " + e, e);
      try {
        close();
      } catch (RuntimeException alsoFailed) {
        failure.addSuppressed(alsoFailed);
      }
      throw failure;
    }
  }

  /** A port nothing listens on right now; remoting binds it a moment later. */

  /** The cluster CA's certificate (PEM), which also issued the certificate of ben.tls, if set. */
  public Path caFile() {
    return ClusterTlsSettings.defaultFolder(home).resolve(ClusterTlsSettings.CA_NAME);
  }

  /** Where benctl reaches this node's control API. */
  public String controlAddress() {
    return "127.0.0.1:" + endpoints.control().port();
  }

  /** The node as component ids name it, e.g. {@code pekko://ben@127.0.0.1:25520}. */
  String address() {
    return system.address().toString();
  }

  /**
   * Whether every message this node sends goes through its serializer, as it would between hosts.
   */
  boolean serializesEveryMessage() {
    return system.settings().config().getBoolean("pekko.actor.serialize-messages");
  }

  /**
   * Messages Pekko could not serialize, locally or for the wire. Pekko only logs these (a local
   * send swallows the exception, remoting drops the message), so the test asks for them instead of
   * waiting for a stall to time out.
   */
  List<String> serializationFailures() {
    return List.copyOf(serializationFailures);
  }

  /**
   * The failures reported so far, forgetting them (so a deliberate one does not fail a later
   * check).
   */
  List<String> takeSerializationFailures() {
    List<String> taken = List.copyOf(serializationFailures);
    serializationFailures.removeAll(taken);
    return taken;
  }

  /** Members this node sees as Up. */
  int upMembers() {
    return (int)
        StreamSupport.stream(Cluster.get(system).state().getMembers().spliterator(), false)
            .filter(member -> member.status() == MemberStatus.up())
            .count();
  }

  /**
   * How many pipeline hosts this node's receptionist lists, i.e. where the executor would place a
   * pipeline.
   */
  int pipelineHosts() {
    Receptionist.Listing listing =
        AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
                system.receptionist(),
                replyTo -> Receptionist.find(PipelineHost.KEY, replyTo),
                Duration.ofSeconds(5),
                system.scheduler())
            .toCompletableFuture()
            .join();
    return listing.getServiceInstances(PipelineHost.KEY).size();
  }

  /** The HTTP ingest port (events, invocations, beacons, signals). */
  public int ingestPort() {
    return endpoints.ingest().port();
  }

  /** The gateway's HTTP port: the bux page, ben_api, /metrics and the websocket. */
  public int gatewayPort() {
    return endpoints.gateway().port();
  }

  /** This node's home folder (its Unix sockets live under {@code run/}). */
  public Path home() {
    return home;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      NodeStop.stop(system, STOP_TIMEOUT, name());
    } finally {
      closeServices();
    }
  }

  /** How failures name this node; a standalone node's port is only known once it runs. */
  private String name() {
    return port == 0 ? "standalone node" : "node on port " + port;
  }

  private void watchSerializationFailures() {
    var listener =
        system.systemActorOf(
            Behaviors.receive(Logging.Error.class)
                .onAnyMessage(
                    error -> {
                      String text = describe(error);
                      if (text.toLowerCase(Locale.ROOT).contains("serializ")
                          || text.contains("swallowing exception during message send")) {
                        serializationFailures.add(text);
                      }
                      return Behaviors.same();
                    })
                .build(),
            "serialization-failures",
            Props.empty());
    system.eventStream().tell(new EventStream.Subscribe<>(Logging.Error.class, listener));
  }

  private static String describe(Logging.Error error) {
    StringBuilder text = new StringBuilder(error.logSource()).append(": ").append(error.message());
    for (Throwable cause = error.cause(); cause != null; cause = cause.getCause()) {
      text.append(" / ").append(cause);
    }
    return text.toString();
  }

  private void closeServices() {
    try {
      services.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the services of the " + name() + " failed", e);
    }
  }
}
