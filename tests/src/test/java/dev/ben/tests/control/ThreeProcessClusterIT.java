package dev.ben.tests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.Environment;
import dev.ben.config.ClusterTlsSettings;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.tests.support.Distribution;
import dev.ben.tests.support.NodeProcess;
import dev.ben.tests.support.NumberedEvents;
import dev.ben.tests.support.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster: three node processes started from the distribution's {@code bin/ben-node} on
 * 127.0.0.1 with the real NATS and ClickHouse, traffic through all three, and the founding node
 * (which hosts the singletons and some detector shards) killed with SIGKILL while traffic runs. The
 * singletons and shards move; a user's failed-login count continues where it was on the survivors;
 * a deploy issued afterwards activates on the survivors; and once the killed node is restarted with
 * its home (its write-ahead log replays what it acknowledged but had not stored), every
 * acknowledged event is in the store exactly once.
 */
class ThreeProcessClusterIT {

  private static final String PIPELINE = "auth";
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration CLUSTER = Duration.ofSeconds(60);
  private static final Duration STORED = Duration.ofSeconds(120);
  private static final String WAIT_SECONDS = "60";
  private static final int BATCH = 200;
  private static final List<String> USERS =
      IntStream.range(0, 12).mapToObj(i -> "user-" + i).toList();

  @TempDir Path work;

  private final List<Member> members = new ArrayList<>();
  private Environment admin;
  private Distribution dist;

  @AfterEach
  void stopNodes() {
    List<Member> youngestFirst = new ArrayList<>(members);
    Collections.reverse(youngestFirst);
    youngestFirst.forEach(member -> member.process().close());
  }

  /** One node process and where it listens. */
  private record Member(
      String name,
      Path home,
      int port,
      int ingestPort,
      int controlPort,
      int gatewayPort,
      NodeProcess process) {

    String address() {
      return "pekko://ben@127.0.0.1:" + port;
    }

    String control() {
      return "127.0.0.1:" + controlPort;
    }
  }

  @Test
  void aKilledMembersWorkMovesAndEveryAcknowledgedEventIsStoredOnce() throws Exception {
    String run = TestServers.unique("cluster");
    Path examples = Path.of("").toAbsolutePath().getParent().resolve("examples");
    Path project = ExampleProjects.copy(PIPELINE, work.resolve("project"));
    Shared shared =
        new Shared(run, examples.resolve("auth/keys/auth.pub"), work.resolve("hash.key"));
    dist = Distribution.unpack(work.resolve("dist"));

    Member a = start("a", List.of(), shared);
    a.process().awaitLine(line -> line.contains("is up: roles"), "that it is up", START);
    Member b = start("b", List.of(a.port()), shared);
    Member c = start("c", List.of(a.port()), shared);
    for (Member joined : List.of(b, c)) {
      // The leader moves a joining member Up; which member leads depends on the ports drawn.
      String movedUp = "Leader is moving node [" + joined.address() + "] to [Up]";
      ClusterChecks.await(
          joined.name() + " becoming a member",
          START,
          () ->
              members.stream()
                  .anyMatch(m -> !m.process().linesMatching(l -> l.contains(movedUp)).isEmpty()),
          up -> up,
          () -> "\n" + joined.name() + " said:\n" + joined.process().output());
      joined.process().awaitLine(line -> line.contains("is up: roles"), "that it is up", START);
    }

    Path benctlConfig = work.resolve("benctl.json");
    BenctlLogin.loggedIn(benctlConfig, a.control(), CLUSTER, a.home(), b.home(), c.home());
    admin =
        BenctlHarness.environment(
            benctlConfig, Map.of("BEN_TOKEN", BenctlLogin.token(benctlConfig, a.control())), "");

    // v1 of examples/auth, deployed through the founder, runs on all three.
    assertOk(
        benctl("build", project.toString(), "--key", project.resolve("keys/auth.key").toString()));
    assertEquals(1, staged(project, a));
    ClusterChecks.assertActive(1, deploy(a));
    awaitSpines(a, List.of(a, b, c), 1);

    String shopKey = BenctlLogin.appKey(admin, a.control(), "shop");
    List<Integer> allIngest = List.of(a.ingestPort(), b.ingestPort(), c.ingestPort());
    // Enough users that some of their shards live on the founder whatever the allocation.
    for (String user : USERS) {
      assertEquals(
          List.of(1.0, 2.0, 3.0),
          fails(ShardedDetection.burstsAcrossPorts(allIngest, shopKey, user, 3)),
          user);
    }

    // A crash loses what no snapshot holds yet: the kill comes once every node saved its shards'.
    for (Member member : List.of(a, b, c)) {
      awaitSnapshotsSaved(member, BenctlLogin.token(benctlConfig, a.control()));
    }

    // Numbered events to demo, round-robin over the three, while the founder is killed.
    NumberedEvents events = new NumberedEvents(shopKey);
    AtomicBoolean sending = new AtomicBoolean(true);
    CompletableFuture<Void> traffic =
        CompletableFuture.runAsync(() -> send(events, List.of(a, b, c), sending));
    awaitAcknowledged(events, 5 * BATCH);
    a.process().kill();
    int acknowledgedAtKill = events.acknowledged();

    List<Member> survivors = List.of(b, c);
    awaitSpines(b, survivors, 1);
    // Each user's count continues where it was, also in a shard that moved: its state followed.
    for (String user : USERS) {
      assertEquals(
          List.of(4.0),
          fails(
              ShardedDetection.burstsAcrossPorts(
                  List.of(b.ingestPort(), c.ingestPort()), shopKey, user, 1)),
          user);
    }

    // v2, staged and deployed through a survivor, activates on both survivors.
    assertEquals(2, staged(project, c));
    ClusterChecks.assertActive(2, deploy(c));
    awaitSpines(c, survivors, 2);

    awaitAcknowledged(events, acknowledgedAtKill + 5 * BATCH);
    sending.set(false);
    traffic.get(60, TimeUnit.SECONDS);

    // The founder comes back with its home: what it acknowledged and had not stored is replayed.
    members.set(0, restarted(a, List.of(b.port()), shared));
    try (ClickHouseStore store =
        ClickHouseStore.open(TestServers.clickHouse(run), new ObjectMapper())) {
      NumberedEvents.Stored stored = awaitStored(events, store);
      assertEquals(0, stored.missingAcknowledged(), "acknowledged, not stored: " + stored);
      assertEquals(stored.distinct(), stored.rows(), "an event stored twice: " + stored);
      System.out.printf(
          "%d events sent, %d acknowledged (%d before the kill), %d stored once each%n",
          events.sent(), events.acknowledged(), acknowledgedAtKill, stored.distinct());
    }
  }

  /** What the three nodes share: one run's NATS names and ClickHouse database, keys. */
  private record Shared(String run, Path trustedKey, Path hashKey) {}

  private Member start(String name, List<Integer> seeds, Shared shared) throws Exception {
    Path home = Files.createDirectories(work.resolve(name));
    if (!seeds.isEmpty()) {
      issueCertificate(home);
    }
    Member member =
        launch(
            name,
            home,
            NodeProcess.freePort(),
            NodeProcess.freePort(),
            NodeProcess.freePort(),
            NodeProcess.freePort(),
            seeds,
            shared);
    members.add(member);
    return member;
  }

  private Member restarted(Member gone, List<Integer> seeds, Shared shared) throws Exception {
    Member again =
        launch(
            gone.name(),
            gone.home(),
            gone.port(),
            gone.ingestPort(),
            gone.controlPort(),
            gone.gatewayPort(),
            seeds,
            shared);
    again.process().awaitLine(line -> line.contains("is up: roles"), "that it is up", START);
    return again;
  }

  private Member launch(
      String name,
      Path home,
      int port,
      int ingestPort,
      int controlPort,
      int gatewayPort,
      List<Integer> seeds,
      Shared shared)
      throws Exception {
    String config =
        """
        ben.home = "%s"
        ben.node { host = "127.0.0.1", port = %d, seeds = [%s] }
        ben.ingest { port = %d, socket.port = 0 }
        ben.gateway.port = %d
        ben.control.port = %d
        # Detector state reaches the KV bucket within half a second of a round.
        ben.detector.snapshot-interval = 500ms
        ben.ledger { trusted-keys = ["%s"], kv-bucket = "%s", object-bucket = "%s_bundles" }
        ben.auth.kv-bucket = "%s_identities"
        ben.detector.snapshot-kv-bucket = "%s_detector_state"
        ben.spine.hash-key-file = "%s"
        ben.connectors {
          nats { url = "%s", namespace = "%s" }
          clickhouse { url = "%s", database = "%s" }
          s3.endpoint = ""
        }
        # Fast enough for a test that waits on a failover, slow enough for three JVMs on two cores.
        pekko.cluster.failure-detector.acceptable-heartbeat-pause = 3s
        pekko.cluster.split-brain-resolver.stable-after = 3s
        """
            .formatted(
                home,
                port,
                String.join(", ", seeds.stream().map(s -> "\"127.0.0.1:" + s + "\"").toList()),
                ingestPort,
                gatewayPort,
                controlPort,
                shared.trustedKey(),
                shared.run(),
                shared.run(),
                shared.run(),
                shared.run(),
                shared.hashKey(),
                TestServers.natsUrl(),
                shared.run(),
                TestServers.clickHouseUrl(),
                shared.run());
    Path file = Files.writeString(work.resolve(name + ".conf"), config);
    NodeProcess process =
        dist.start(name, work, environment(), "ben-node", "--config", file.toString());
    return new Member(name, home, port, ingestPort, controlPort, gatewayPort, process);
  }

  /** The member certificate a joining node needs, issued from the founder's CA. */
  private void issueCertificate(Path home) throws Exception {
    NodeProcess issuing =
        dist.start(
            "node-cert",
            work,
            environment(),
            "ben-node-cert",
            "--home",
            members.get(0).home().toString(),
            "--host",
            "127.0.0.1",
            "--out",
            ClusterTlsSettings.defaultFolder(home).toString());
    assertEquals(0, issuing.awaitExit(START), issuing.output());
  }

  /** What the launchers see: a JRE, a home, the JVM options, Pekko's cluster log at INFO. */
  private Map<String, String> environment() {
    return Map.of(
        "PATH", "/usr/bin:/bin",
        "JAVA_HOME", System.getProperty("java.home"),
        "HOME", work.toString(),
        "BEN_JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1",
        // Who joins and becomes Up is logged at INFO by Pekko's cluster; the test waits on it.
        "BEN_PEKKO_LOG_LEVEL", "INFO");
  }

  /**
   * Polls the member's metrics until every event its detector shards of {@code auth} detected is in
   * a written snapshot.
   */
  private static void awaitSnapshotsSaved(Member member, String token) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest metrics =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + member.gatewayPort() + "/metrics"))
            .header("Authorization", "Bearer " + token)
            .build();
    ClusterChecks.await(
        member.name() + "'s detector state in snapshots",
        CLUSTER,
        () -> {
          try {
            String body = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
            return List.of(snapshotEvents(body, "detected"), snapshotEvents(body, "saved"));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        counts -> counts.get(0).equals(counts.get(1)),
        () -> "");
  }

  private static long snapshotEvents(String metrics, String state) {
    String series =
        "ben_detector_snapshot_events_total{pipeline=\"" + PIPELINE + "\",state=\"" + state + "\"}";
    return metrics
        .lines()
        .filter(line -> line.startsWith(series))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(series.length()).trim()))
        .sum();
  }

  /** Posts batches round-robin to the members until told to stop; a dead member just fails. */
  private static void send(NumberedEvents events, List<Member> to, AtomicBoolean sending) {
    try {
      for (int i = 0; sending.get(); i++) {
        events.post(to.get(i % to.size()).ingestPort(), BATCH);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitAcknowledged(NumberedEvents events, int atLeast)
      throws InterruptedException {
    ClusterChecks.await(
        atLeast + " acknowledged events",
        CLUSTER,
        events::acknowledged,
        acknowledged -> acknowledged >= atLeast,
        () -> "");
  }

  private static NumberedEvents.Stored awaitStored(NumberedEvents events, ClickHouseStore store)
      throws InterruptedException {
    return ClusterChecks.await(
        "every acknowledged event in the store",
        STORED,
        () -> events.stored(store),
        stored -> stored.missingAcknowledged() == 0,
        () -> "");
  }

  private void awaitSpines(Member askedOf, List<Member> running, long version)
      throws InterruptedException {
    Set<String> addresses = new TreeSet<>(running.stream().map(Member::address).toList());
    ClusterChecks.await(
        running.size() + " spines running v" + version,
        CLUSTER,
        () -> ClusterChecks.status(admin, PIPELINE, askedOf.control()),
        status -> ClusterChecks.spinesRun(status, PIPELINE, addresses, version),
        () -> "");
  }

  private long staged(Path project, Member through) {
    return ClusterChecks.stagedVersion(
        benctl("stage", project.toString(), "--server", through.control(), "-o", "json"), PIPELINE);
  }

  private Result deploy(Member through) {
    return benctl(
        "deploy", PIPELINE, "--server", through.control(), "--wait", WAIT_SECONDS, "-o", "json");
  }

  private static List<Double> fails(List<ShardedDetection.Answer> answers) {
    return answers.stream().map(ShardedDetection.Answer::fails).toList();
  }

  private Result benctl(String... args) {
    return BenctlHarness.run(admin, args);
  }

  private static void assertOk(Result run) {
    assertTrue(run.exitCode() == 0, run::toString);
  }
}
