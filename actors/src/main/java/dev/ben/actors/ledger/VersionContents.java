package dev.ben.actors.ledger;

import dev.ben.actors.ClusterSerializable;
import dev.ben.contracts.bundle.SourceArtifacts;
import java.util.List;

/**
 * What one version's bundle holds, as readers outside the ledger see it: the project's source files
 * when the bundle carries them, else each compiled artifact as indented JSON text (bundles built
 * before sources were carried); and the tables of the pipeline's schemas that have a front-end
 * replica, with their key fields.
 */
public record VersionContents(
    String pipeline, long version, List<ArtifactText> artifacts, List<ReplicaTable> replicaTables)
    implements ClusterSerializable {

  public VersionContents {
    artifacts = List.copyOf(artifacts);
    replicaTables = List.copyOf(replicaTables);
  }

  /**
   * An artifact's text: a source file's own text, or a compiled artifact's content as JSON. Its
   * path in a listing is the source's project-relative path, or {@code <kind>/<name>.json}.
   */
  public record ArtifactText(String kind, String name, String text) {

    public boolean source() {
      return kind.equals(SourceArtifacts.KIND);
    }

    public String path() {
      return source() ? name : kind + "/" + name + ".json";
    }
  }

  /** A schema's table (its replica is {@code <table>_replica}) and the schema's key fields. */
  public record ReplicaTable(String table, List<String> keyFields) {

    public ReplicaTable {
      keyFields = List.copyOf(keyFields);
    }
  }
}
