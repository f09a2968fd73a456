package dev.ben.actors.reads;

import dev.ben.actors.ledger.VersionContents;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.streams.store.analytics.BeaconQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a version's pipeline takes web beacons, and the tables they land in. Contracts do not say
 * so in a word; a pipeline takes beacons when its sidecar listens on HTTP (the beacon endpoint is
 * the HTTP sidecar's) and one of its schemas has the fields a beacon and a server log line carry
 * for analytics, {@code path} and {@code status}. Read from the version's artifacts as the ledger
 * lends them, newest version of each schema.
 */
final class BeaconTables {

  private BeaconTables() {}

  /** The version's beacon tables; empty when its pipeline takes no beacons. */
  static List<BeaconQuery.Table> of(VersionContents contents) {
    Optional<Pipeline> pipeline =
        artifacts(contents, ContractBundles.PIPELINE, Pipeline.class).stream()
            .filter(p -> p.name().equals(contents.pipeline()))
            .findFirst();
    if (pipeline.isEmpty() || !pipeline.get().sidecar().http()) {
      return List.of();
    }
    Map<String, Schema> newest = new LinkedHashMap<>();
    for (Schema schema : artifacts(contents, ContractBundles.SCHEMA, Schema.class)) {
      if (pipeline.get().schemas().contains(schema.name())) {
        newest.merge(schema.name(), schema, (a, b) -> a.version() >= b.version() ? a : b);
      }
    }
    return newest.values().stream()
        .map(BeaconTables::table)
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  private static Optional<BeaconQuery.Table> table(Schema schema) {
    Set<String> fields =
        schema.fields().stream().map(SchemaField::name).collect(Collectors.toSet());
    if (!fields.contains(BeaconQuery.PAGE) || !fields.contains(BeaconQuery.STATUS)) {
      return Optional.empty();
    }
    return Optional.of(
        new BeaconQuery.Table(
            schema.table(),
            fields.contains(BeaconQuery.REFERRER),
            fields.contains(BeaconQuery.VISITOR)));
  }

  private static <T> List<T> artifacts(VersionContents contents, String kind, Class<T> type) {
    return contents.artifacts().stream()
        .filter(artifact -> artifact.kind().equals(kind))
        .map(artifact -> ModelJson.fromJson(artifact.text(), type))
        .toList();
  }
}
