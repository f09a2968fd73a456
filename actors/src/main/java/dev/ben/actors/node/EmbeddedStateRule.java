package dev.ben.actors.node;

import dev.ben.config.BenSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a node may be one of several cluster members. On the in-JVM bus (no NATS) its ledger and
 * users live in its own RocksDB, and on the embedded store (no ClickHouse) its events in its own
 * DuckDB file: beside other members the data would silently split between them, so such a node
 * refuses any cluster of more than itself, naming what to set. Tests that run several nodes on one
 * host may allow it (ben.node.allow-embedded-in-cluster-for-tests).
 */
final class EmbeddedStateRule {

  /** An embedded default in use, and the setting that replaces it with a shared server. */
  private record Embedded(String what, String setting) {}

  private final List<Embedded> embedded;

  private EmbeddedStateRule(List<Embedded> embedded) {
    this.embedded = List.copyOf(embedded);
  }

  static EmbeddedStateRule of(BenSettings settings) {
    if (settings.node().allowEmbeddedInClusterForTests()) {
      return new EmbeddedStateRule(List.of());
    }
    List<Embedded> embedded = new ArrayList<>();
    if (settings.connectors().nats().isEmpty()) {
      embedded.add(new Embedded("the in-JVM bus", "BEN_NATS_URL (ben.connectors.nats.url)"));
    }
    if (settings.connectors().clickHouse().isEmpty()) {
      embedded.add(
          new Embedded("the embedded store", "BEN_CLICKHOUSE_URL (ben.connectors.clickhouse.url)"));
    }
    return new EmbeddedStateRule(embedded);
  }

  /** Whether this node runs an embedded default that cannot be shared, so must watch members. */
  boolean watchesMembers() {
    return !embedded.isEmpty();
  }

  /** Why this node must leave a cluster of {@code members} (itself included), if it must. */
  Optional<String> refusal(int members) {
    if (members <= 1 || embedded.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "this node left a cluster of "
            + members
            + " members: it runs "
            + String.join(" and ", embedded.stream().map(Embedded::what).toList())
            + ", which would split the cluster's ledger, users or events between members; set "
            + String.join(" and ", embedded.stream().map(Embedded::setting).toList())
            + " on every node (docs/deploy.md)");
  }
}
