package dev.ben.actors.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ben.contracts.bundle.Artifact;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.SourceArtifacts;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored bundle as {@link VersionContents}: the source files it carries, sorted by path; or, for
 * a bundle that carries none, its artifacts in bundle order (kind, then name) as indented JSON with
 * sorted keys, so two versions' texts differ only where their content does. Plus the replica tables
 * of the pipeline (none unless it stores with {@code replica on}).
 */
public final class BundleContents {

  private static final ObjectWriter TEXT =
      new ObjectMapper()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writerWithDefaultPrettyPrinter();

  private BundleContents() {}

  /**
   * The contents of the stored bundle the ledger answered {@link Ledger.BundleOf} with; rendered by
   * the reader, so the ledger singleton never spends its time on text.
   */
  public static VersionContents of(Ledger.BundleBytes stored) {
    return of(stored.pipeline(), stored.version(), stored.read());
  }

  static VersionContents of(String pipeline, long version, Bundle bundle) {
    List<VersionContents.ArtifactText> artifacts = new ArrayList<>();
    for (Artifact artifact : bundle.artifacts()) {
      artifacts.add(
          new VersionContents.ArtifactText(artifact.kind(), artifact.name(), text(artifact)));
    }
    return new VersionContents(pipeline, version, artifacts, replicaTables(pipeline, bundle));
  }

  private static String text(Artifact artifact) {
    var source = SourceArtifacts.text(artifact);
    if (source.isPresent()) {
      return source.get();
    }
    try {
      // Through a map so that ORDER_MAP_ENTRIES_BY_KEYS sorts the keys at every level.
      Object tree = new ObjectMapper().treeToValue(artifact.content(), Object.class);
      return TEXT.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + artifact.ref().label(), e);
    }
  }

  private static List<VersionContents.ReplicaTable> replicaTables(String name, Bundle bundle) {
    ContractSet contracts;
    try {
      contracts = ContractBundles.contracts(bundle, "read");
    } catch (BundleRefusedException e) {
      // The ledger verified it when it was staged; a runtime that no longer reads it has none.
      return List.of();
    }
    Pipeline pipeline =
        contracts.pipelines().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    if (pipeline == null || !pipeline.store().replica()) {
      return List.of();
    }
    // The newest version of each schema names the table and its key.
    Map<String, Schema> newest = new LinkedHashMap<>();
    for (Schema schema : contracts.schemas()) {
      if (pipeline.schemas().contains(schema.name())) {
        newest.merge(schema.name(), schema, (a, b) -> a.version() >= b.version() ? a : b);
      }
    }
    return newest.values().stream()
        .map(schema -> new VersionContents.ReplicaTable(schema.table(), schema.key()))
        .distinct()
        .toList();
  }
}
