package dev.ben.tests.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.detector.DetectorShard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * What a cluster's sharded detectors look like from outside: login invocations of examples/auth
 * spread over the nodes, answered with the detector values of the user's one shard, and which
 * members host detector shards.
 */
final class ShardedDetection {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ShardedDetection() {}

  /** One answer of the invocation API. */
  record Answer(double fails, List<String> playbooks) {}

  /**
   * Sends {@code count} failed-login bursts of {@code user} as the app whose key this is,
   * round-robin over the nodes, and returns the answers.
   */
  static List<Answer> burstsAcross(List<ClusterNode> nodes, String key, String user, int count)
      throws Exception {
    return burstsAcrossPorts(
        nodes.stream().map(node -> node.endpoints.ingest().port()).toList(), key, user, count);
  }

  /** As {@link #burstsAcross}, to nodes known by their ingest ports on 127.0.0.1. */
  static List<Answer> burstsAcrossPorts(
      List<Integer> ingestPorts, String key, String user, int count) throws Exception {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int port = ingestPorts.get(i % ingestPorts.size());
      String event =
          "{\"ts\":\"2024-05-01T11:00:00Z\",\"tenant\":\"acme\",\"user\":\""
              + user
              + "\",\"ip\":\"203.0.113.66\",\"attempts\":9}";
      HttpResponse<String> response = invoke(port, key, event);
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "invocation "
                + i
                + " on the node with ingest port "
                + port
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      JsonNode answer = JSON.readTree(response.body());
      List<String> playbooks = new ArrayList<>();
      answer
          .get("playbooks")
          .forEach(p -> playbooks.add(p.get("playbook").asText() + ":" + p.get("status").asText()));
      answers.add(
          new Answer(answer.get("detectors").get("login_rate.fails").asDouble(), playbooks));
    }
    return answers;
  }

  /**
   * One invocation; a node whose sidecar has not registered the pipeline yet (404: the chain starts
   * after the activation) is asked again until a deadline, nothing else is.
   */
  private static HttpResponse<String> invoke(int ingestPort, String key, String event)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + ingestPort + "/api/v1/invoke/auth"))
                  .header("Authorization", "Bearer " + key)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(20))
                  .POST(HttpRequest.BodyPublishers.ofString(event))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 404 || System.nanoTime() > deadline) {
        return response;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** How many members host at least one detector shard, as the sharding coordinator sees it. */
  static long membersHostingShards(ClusterNode node) {
    ShardRegion.ClusterShardingStats stats =
        AskPattern.<ClusterShardingQuery, ShardRegion.ClusterShardingStats>ask(
                ClusterSharding.get(node.system).shardState(),
                replyTo ->
                    new GetClusterShardingStats(
                        DetectorShard.TYPE_KEY, Duration.ofSeconds(5), replyTo),
                Duration.ofSeconds(10),
                node.system.scheduler())
            .toCompletableFuture()
            .join();
    return stats.getRegions().values().stream()
        .filter(region -> !region.getStats().isEmpty())
        .count();
  }
}
