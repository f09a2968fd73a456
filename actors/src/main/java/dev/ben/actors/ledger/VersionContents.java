package dev.ben.actors.ledger;

import dev.ben.actors.ClusterSerializable;
import java.util.List;

/**
 * What one version's bundle holds, as readers outside the ledger see it: each artifact as indented
 * JSON text (bundles carry compiled artifacts, not the source files they were compiled from), and
 * the tables of the pipeline's schemas that have a front-end replica, with their key fields.
 */
public record VersionContents(
    String pipeline, long version, List<ArtifactText> artifacts, List<ReplicaTable> replicaTables)
    implements ClusterSerializable {

  public VersionContents {
    artifacts = List.copyOf(artifacts);
    replicaTables = List.copyOf(replicaTables);
  }

  /** An artifact's content; its path in a listing is {@code <kind>/<name>.json}. */
  public record ArtifactText(String kind, String name, String text) {

    public String path() {
      return kind + "/" + name + ".json";
    }
  }

  /** A schema's table (its replica is {@code <table>_replica}) and the schema's key fields. */
  public record ReplicaTable(String table, List<String> keyFields) {

    public ReplicaTable {
      keyFields = List.copyOf(keyFields);
    }
  }
}
