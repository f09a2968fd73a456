package dev.ben.actors.ledger;

import dev.ben.actors.ClusterSerializable;
import dev.ben.contracts.bundle.SourceArtifacts;
import java.util.List;

/**
 * What one version's bundle holds, as readers outside the ledger see it: every artifact as text
 * (the project's source files as they were written, each compiled artifact as indented JSON), and
 * the tables of the pipeline's schemas that have a front-end replica, with their key fields.
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

    /** The source files of a listing when it has any (bundles built before carried none). */
    public static List<ArtifactText> sourcesElseAll(List<ArtifactText> artifacts) {
      List<ArtifactText> sources = artifacts.stream().filter(ArtifactText::source).toList();
      return sources.isEmpty() ? artifacts : sources;
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
