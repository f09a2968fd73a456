package dev.ben.actors.reads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.actors.testing.Await;
import dev.ben.bux.api.ClusterReads.ClusterView;
import dev.ben.bux.api.ClusterReads.MemberView;
import dev.ben.bux.api.HealthReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster as ben_api reads it, on a one-node cluster with the orchestrator role and a sharded
 * entity type started on it: the member with its roles, the singletons on it, and its shards.
 */
class ClusterMembersTest {

  private static final EntityTypeKey<String> ECHO = EntityTypeKey.create(String.class, "echo");
  private static final HealthReport UP =
      new HealthReport(HealthReport.Status.UP, Map.of("cluster", "up"));

  private static ActorTestKit kit;

  @BeforeAll
  static void clusterOfOne() {
    Config config =
        ConfigFactory.parseString(
                "pekko.remote.artery.canonical.hostname = 127.0.0.1\n"
                    + "pekko.remote.artery.canonical.port = 0\n"
                    + "pekko.cluster.roles = [orchestrator, edge]\n")
            .withFallback(ConfigFactory.load());
    kit = ActorTestKit.create("members", config);
    Cluster cluster = Cluster.get(kit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Await.until(
        () -> cluster.selfMember().status() == MemberStatus.up(),
        "the node is up",
        Duration.ofSeconds(20));
    ClusterSharding.get(kit.system()).init(Entity.of(ECHO, entity -> Behaviors.ignore()));
  }

  @AfterAll
  static void stop() {
    // Leaving the cluster hands the shards off first, which takes longer than the default wait.
    ActorTestKit.shutdown(kit.system(), Duration.ofSeconds(30), true);
  }

  private ClusterView read() {
    return new ClusterMembers(
            kit.system(),
            "orchestrator",
            List.of("ledger", "orchestrator"),
            ECHO,
            Duration.ofSeconds(3),
            () -> UP)
        .cluster()
        .toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  @Test
  void theOnlyMemberIsUpHostsTheSingletonsAndHoldsTheShardsStartedOnIt() throws Exception {
    var sharding = ClusterSharding.get(kit.system());
    sharding.entityRefFor(ECHO, "a").tell("hello");
    sharding.entityRefFor(ECHO, "b").tell("hello");
    String self = kit.system().address().toString();
    Await.until(
        () -> read().members().get(0).shards() > 0, "a shard started", Duration.ofSeconds(10));

    ClusterView view = read();
    assertEquals(self, view.self());
    assertEquals(UP, view.health());
    assertEquals(1, view.members().size());
    MemberView member = view.members().get(0);
    assertEquals(self, member.address());
    assertEquals(List.of("edge", "orchestrator"), member.roles());
    assertEquals("Up", member.status());
    assertTrue(member.reachable());
    assertEquals(List.of("ledger", "orchestrator"), member.singletons());
    assertTrue(member.shards() >= 1 && member.shards() <= 2, "shards: " + member.shards());
  }

  @Test
  void singletonsOfARoleNoMemberHasRunNowhere() throws Exception {
    ClusterView view =
        new ClusterMembers(
                kit.system(), "detector", List.of("ledger"), ECHO, Duration.ofSeconds(3), () -> UP)
            .cluster()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals(List.of(), view.members().get(0).singletons());
  }
}
