package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node's shared dispatcher has a thread per core (at least 2), in the node's configuration and
 * in the file the bench's in-process pipeline loads, and BEN_DISPATCHER_THREADS sets the count; TCP
 * connections run on it rather than on Pekko's internal dispatcher, Cluster Sharding does not.
 */
class DispatcherConfigTest {

  private static final String POOL = "pekko.actor.default-dispatcher.fork-join-executor";

  private static Config config(String resource, Map<String, String> environment) {
    Config overrides = ConfigFactory.parseMap(environment);
    return overrides
        .withFallback(ConfigFactory.parseResources(resource))
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  private static Config pool(String resource, Map<String, String> environment) {
    return config(resource, environment).getConfig(POOL);
  }

  @Test
  void theNodeAndTheBenchRunAThreadPerCoreWithAFloorOfTwo() {
    for (String resource : new String[] {"ben-pekko.conf", "ben-dispatcher.conf"}) {
      Config pool = pool(resource, Map.of());
      assertEquals(2, pool.getInt("parallelism-min"), resource);
      assertEquals(1.0, pool.getDouble("parallelism-factor"), resource);
      assertEquals(64, pool.getInt("parallelism-max"), resource);
    }
  }

  @Test
  void connectionsShareTheDataPlanesThreadsAndShardingKeepsPekkosInTheNodeAndTheBench() {
    for (String resource : new String[] {"ben-pekko.conf", "ben-dispatcher.conf"}) {
      Config config = config(resource, Map.of());
      assertEquals(
          "pekko.actor.default-dispatcher",
          config.getString("pekko.io.tcp.worker-dispatcher"),
          resource);
      assertFalse(
          ConfigFactory.parseResources(resource).hasPath("pekko.cluster.sharding.use-dispatcher"),
          resource + " leaves sharding on Pekko's internal dispatcher");
    }
  }

  @Test
  void theEnvironmentSetsTheCountOutright() {
    Config pool = pool("ben-dispatcher.conf", Map.of("BEN_DISPATCHER_THREADS", "5"));
    assertEquals(5, pool.getInt("parallelism-min"));
    assertEquals(5, pool.getInt("parallelism-max"));
  }
}
