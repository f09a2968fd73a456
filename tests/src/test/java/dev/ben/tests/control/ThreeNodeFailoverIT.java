package dev.ben.tests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.Environment;
import dev.ben.tests.support.NodeProcess;
import dev.ben.tests.support.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover: three nodes on 127.0.0.1 in one JVM, the orchestrator's node is stopped, the singletons
 * move, the new orchestrator rebuilds its view from hellos, and a deploy issued afterwards
 * activates on every remaining node. Every node runs with {@code serialize-messages = on}, so a
 * message without a serializer fails here. The ledger lives in NATS (real nats-server), which is
 * what lets the moved ledger answer with the same history. Everything is driven through benctl, as
 * an operator would.
 */
class ThreeNodeFailoverIT {

  private static final String PIPELINE = "auth";
  private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(40);
  private static final String WAIT_SECONDS = "30";

  @TempDir Path work;

  private final List<ClusterNode> nodes = new ArrayList<>();

  /** benctl as admin once the cluster is up: one token, valid on every node of the cluster. */
  private Environment admin = BenctlHarness.isolated();

  @AfterEach
  void stopNodes() {
    // Youngest first, so no singleton is handed over to a node that is about to stop anyway.
    List<ClusterNode> youngestFirst = new ArrayList<>(nodes);
    Collections.reverse(youngestFirst);
    RuntimeException failure = null;
    for (ClusterNode node : youngestFirst) {
      try {
        node.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Test
  void afterTheOrchestratorsNodeStopsTheSingletonsMoveAndADeployActivatesOnTheRemainingNodes()
      throws Exception {
    Path examples = Path.of("").toAbsolutePath().getParent().resolve("examples");
    Path project = ExampleProjects.copy(PIPELINE, work.resolve("project"));
    List<Integer> ports = distinctFreePorts(3);
    String run = TestServers.unique("failover");
    // This run's own NATS namespace and buckets: runs sharing the server neither see nor disturb
    // each other.
    ClusterNode.Shared shared =
        new ClusterNode.Shared(
            ports.get(0),
            TestServers.natsUrl().toString(),
            run,
            run,
            run + "_bundles",
            examples.resolve("auth/keys/auth.pub"),
            work.resolve("keys/hash.key"));
    for (int port : ports) {
      nodes.add(
          new ClusterNode(Files.createDirectories(work.resolve("node-" + port)), port, shared));
    }
    ClusterNode first = nodes.get(0);
    for (ClusterNode node : nodes) {
      assertTrue(node.serializesEveryMessage(), "a missing serializer must fail this test");
      await(
          "node " + node.address() + " to see three members Up",
          CLUSTER_TIMEOUT,
          node::upMembers,
          up -> up == 3);
    }
    await(
        "the orchestrator's node to know the three pipeline hosts",
        CLUSTER_TIMEOUT,
        first::pipelineHosts,
        hosts -> hosts == 3);
    // The serialization guard is not vacuous: a message without a serializer is caught and
    // reported.
    System.out.println(
        "serialization probe: the ERROR about "
            + WithoutSerializer.class.getSimpleName()
            + " logged next is expected");
    first.system.unsafeUpcast().tell(new WithoutSerializer("probe"));
    await(
        "the probe without a serializer to be reported",
        CLUSTER_TIMEOUT,
        first::takeSerializationFailures,
        failures ->
            failures.stream()
                .anyMatch(failure -> failure.contains(WithoutSerializer.class.getName())));

    Path benctlConfig = work.resolve("benctl").resolve("config.json");
    BenctlLogin.loggedIn(
        benctlConfig,
        first.controlAddress(),
        CLUSTER_TIMEOUT,
        nodes.stream().map(ClusterNode::home).toArray(Path[]::new));
    admin =
        BenctlHarness.environment(
            benctlConfig,
            Map.of("BEN_TOKEN", BenctlLogin.token(benctlConfig, first.controlAddress())),
            "");

    // 1. Deploy v1 through the first node; it activates on all three.
    assertOk(
        benctl("build", project.toString(), "--key", project.resolve("keys/auth.key").toString()));
    assertEquals(
        1,
        stagedVersion(
            benctl("stage", project.toString(), "--server", first.controlAddress(), "-o", "json")));
    long started = System.nanoTime();
    Result deployV1 =
        benctl(
            "deploy",
            PIPELINE,
            "--server",
            first.controlAddress(),
            "--wait",
            WAIT_SECONDS,
            "-o",
            "json");
    long latencyV1 = elapsedMillis(started);
    ClusterChecks.assertActive(1, deployV1);
    JsonNode statusV1 =
        await(
            "three spines running v1",
            CLUSTER_TIMEOUT,
            () -> status(first),
            status -> spinesRun(status, addresses(nodes), 1));
    assertEquals(1, statusV1.get("active_version").asLong(), statusV1::toPrettyString);
    // Detector state is sharded by key: one user's bursts, entering round-robin through the three
    // nodes, count up
    // in that user's one shard, and the lockout fires on the 21st exactly as on one node (then
    // cools down).
    String shopKey = BenctlLogin.appKey(admin, first.controlAddress(), "shop");
    List<ShardedDetection.Answer> bursts =
        ShardedDetection.burstsAcross(nodes, shopKey, "mallory", 22);
    assertEquals(
        IntStream.rangeClosed(1, 22).mapToObj(i -> (double) i).toList(),
        bursts.stream().map(ShardedDetection.Answer::fails).toList());
    assertEquals(List.of("lockout:FIRED"), bursts.get(20).playbooks());
    assertEquals(List.of("lockout:SUPPRESSED"), bursts.get(21).playbooks());
    for (int user = 0; user < 32; user++) {
      ShardedDetection.burstsAcross(nodes, shopKey, "user-" + user, 1);
    }
    await(
        "detector shards spread over more than one member",
        CLUSTER_TIMEOUT,
        () -> ShardedDetection.membersHostingShards(nodes.get(1)),
        members -> members >= 2);
    assertEquals(
        List.of(),
        first.takeSerializationFailures(),
        "every detector message crossed nodes serialized");

    // 2. Stop the oldest node: it hosts both singletons, which must move to the next oldest.
    ClusterNode second = nodes.get(1);
    assertEquals(
        first.address(),
        oldestUp(second),
        "the first node is the oldest, so it hosts the singletons");
    long stopping = System.nanoTime();
    first.close();
    long stopMillis = elapsedMillis(stopping);
    List<ClusterNode> survivors = List.of(nodes.get(1), nodes.get(2));
    await("the survivors to see two members Up", CLUSTER_TIMEOUT, second::upMembers, up -> up == 2);
    String newOldest = oldestUp(second);
    ClusterNode host =
        survivors.stream().filter(n -> n.address().equals(newOldest)).findFirst().orElseThrow();
    ClusterNode other = survivors.stream().filter(n -> n != host).findFirst().orElseThrow();
    // The moved ledger answers from the NATS-backed store, so it knows v1 is active without being
    // told.
    JsonNode ledgerMoved =
        await(
            "the moved ledger to answer status",
            FAILOVER_TIMEOUT,
            () -> status(host),
            status -> status != null);
    long ledgerMillis = elapsedMillis(stopping);
    assertEquals(1, ledgerMoved.get("active_version").asLong(), ledgerMoved::toPrettyString);
    // The moved orchestrator persisted nothing: it lists what said hello since it started.
    await(
        "the moved orchestrator to list the two remaining spines running v1",
        FAILOVER_TIMEOUT,
        () -> status(host),
        status -> spinesRun(status, addresses(survivors), 1));
    long orchestratorMillis = elapsedMillis(stopping);
    // The executor places a version on the hosts the receptionist lists; the stopped node's must be
    // gone first.
    await(
        "the receptionist to drop the stopped node's pipeline host",
        CLUSTER_TIMEOUT,
        host::pipelineHosts,
        hosts -> hosts == 2);

    // 3. Stage and deploy v2 through the node that does not host the singletons, so every request
    // crosses nodes.
    assertEquals(
        2,
        stagedVersion(
            benctl("stage", project.toString(), "--server", other.controlAddress(), "-o", "json")));
    started = System.nanoTime();
    Result deployV2 =
        benctl(
            "deploy",
            PIPELINE,
            "--server",
            other.controlAddress(),
            "--wait",
            WAIT_SECONDS,
            "-o",
            "json");
    long latencyV2 = elapsedMillis(started);
    ClusterChecks.assertActive(2, deployV2);
    JsonNode statusV2 =
        await(
            "both remaining spines running v2",
            CLUSTER_TIMEOUT,
            () -> status(host),
            status -> spinesRun(status, addresses(survivors), 2));
    assertEquals(2, statusV2.get("active_version").asLong(), statusV2::toPrettyString);
    assertEquals(0, statusV2.get("activating_version").asLong(), statusV2::toPrettyString);

    JsonNode history =
        ClusterChecks.json(
            benctl(
                "status", PIPELINE, "--history", "--server", other.controlAddress(), "-o", "json"));
    Set<String> typesV2 = new TreeSet<>();
    Set<String> ackedBy = new TreeSet<>();
    for (JsonNode event : history.get("history")) {
      if (event.get("version").asLong() == 2) {
        typesV2.add(event.get("type").asText());
        if (event.get("type").asText().equals("ack")) {
          ackedBy.add(event.get("source").asText());
        }
      }
    }
    assertTrue(
        typesV2.containsAll(List.of("staged", "deploy", "ack", "activated")),
        () -> "v2's history lacks events: " + typesV2 + "\n" + history.toPrettyString());
    assertEquals(
        spineIds(survivors), ackedBy, "v2 is acknowledged by exactly the remaining spines");

    for (ClusterNode node : nodes) {
      assertEquals(
          List.of(),
          node.takeSerializationFailures(),
          "messages without a serializer on " + node.port);
    }
    System.out.printf(
        "activation latency (benctl deploy --wait, benctl start-up included): 3 nodes v1 %d ms; "
            + "after failover 2 nodes v2 %d ms%n",
        latencyV1, latencyV2);
    System.out.printf(
        "activation latency (ledger events deploy -> activated): 3 nodes v1 %d ms; 2 nodes v2 %d ms%n",
        ledgerLatency(history, 1), ledgerLatency(history, 2));
    System.out.printf(
        "failover: the first node left in %d ms; the moved ledger answered after %d ms and the moved "
            + "orchestrator listed both spines after %d ms (from the start of the stop, polled with benctl status)%n",
        stopMillis, ledgerMillis, orchestratorMillis);
  }

  /**
   * Milliseconds between the version's deploy event and its activated event, as the ledger recorded
   * them.
   */
  private static long ledgerLatency(JsonNode history, long version) {
    long deployed = -1;
    for (JsonNode event : history.get("history")) {
      if (event.get("version").asLong() != version) {
        continue;
      }
      long at = java.time.Instant.parse(event.get("time").asText()).toEpochMilli();
      if (event.get("type").asText().equals("deploy")) {
        deployed = at;
      } else if (event.get("type").asText().equals("activated") && deployed >= 0) {
        return at - deployed;
      }
    }
    throw new AssertionError("no deploy and activated events for v" + version + " in " + history);
  }

  /**
   * Neither cluster-serializable nor node-local: under serialize-messages, sending it must be
   * reported.
   */
  private record WithoutSerializer(String note) {}

  /** The result of one in-process benctl invocation, as admin once logged in. */
  private Result benctl(String... args) {
    return BenctlHarness.run(admin, args);
  }

  private static Set<String> addresses(List<ClusterNode> nodes) {
    return nodes.stream()
        .map(ClusterNode::address)
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> spineIds(List<ClusterNode> nodes) {
    return nodes.stream()
        .map(n -> PIPELINE + "/spine@" + n.address())
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
  }

  /**
   * The oldest Up member as the node sees it: where the singletons of the orchestrator role run.
   */
  private static String oldestUp(ClusterNode node) {
    return StreamSupport.stream(Cluster.get(node.system).state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up())
        .reduce((a, b) -> a.isOlderThan(b) ? a : b)
        .map(Member::address)
        .orElseThrow()
        .toString();
  }

  private JsonNode status(ClusterNode node) {
    return ClusterChecks.status(admin, PIPELINE, node.controlAddress());
  }

  private static boolean spinesRun(JsonNode status, Set<String> nodeAddresses, long version) {
    return ClusterChecks.spinesRun(status, PIPELINE, nodeAddresses, version);
  }

  private static long stagedVersion(Result stage) {
    return ClusterChecks.stagedVersion(stage, PIPELINE);
  }

  private static void assertOk(Result run) {
    assertEquals(0, run.exitCode(), run::toString);
  }

  private <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done)
      throws InterruptedException {
    return ClusterChecks.await(
        what,
        timeout,
        probe,
        done,
        () ->
            "; serialization failures: "
                + nodes.stream().flatMap(node -> node.serializationFailures().stream()).toList());
  }

  private static long elapsedMillis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  private static List<Integer> distinctFreePorts(int count) {
    Set<Integer> ports = new java.util.LinkedHashSet<>();
    while (ports.size() < count) {
      ports.add(NodeProcess.freePort());
    }
    return List.copyOf(ports);
  }
}
