package dev.ben.actors.node;

import dev.ben.bux.api.HealthReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The node's answer to /health: UP once it is an Up member of its cluster, DEGRADED while joining,
 * DOWN when leaving or removed; with where each connector points, so an operator sees at a glance
 * what is embedded.
 */
final class NodeHealth {

  private final ActorSystem<?> system;
  private final Map<String, String> connectors;

  NodeHealth(ActorSystem<?> system, Map<String, String> connectors) {
    this.system = system;
    this.connectors = Map.copyOf(connectors);
  }

  HealthReport report() {
    MemberStatus member = Cluster.get(system).selfMember().status();
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("cluster", "member " + system.address() + " is " + member);
    checks.putAll(connectors);
    return new HealthReport(status(member), checks);
  }

  static HealthReport.Status status(MemberStatus member) {
    if (member == MemberStatus.up()) {
      return HealthReport.Status.UP;
    }
    if (member == MemberStatus.joining() || member == MemberStatus.weaklyUp()) {
      return HealthReport.Status.DEGRADED;
    }
    return HealthReport.Status.DOWN;
  }
}
