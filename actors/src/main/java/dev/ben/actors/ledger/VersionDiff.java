package dev.ben.actors.ledger;

import dev.ben.api.control.ArtifactChange;
import dev.ben.contracts.bundle.Artifact;
import dev.ben.contracts.bundle.Bundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Artifact-by-artifact difference between two bundles, matched by kind and name and compared by
 * fingerprint: ADDED, REMOVED, CHANGED or SAME, sorted by kind then name so the output is stable.
 */
final class VersionDiff {

  private VersionDiff() {}

  static List<ArtifactChange> between(Bundle from, Bundle to) {
    Map<String, Artifact> before = index(from);
    Map<String, Artifact> after = index(to);
    TreeMap<String, ArtifactChange> changes = new TreeMap<>();
    before.forEach(
        (id, artifact) -> {
          Artifact other = after.get(id);
          var change =
              ArtifactChange.newBuilder()
                  .setKind(artifact.kind())
                  .setName(artifact.name())
                  .setFromFingerprint(artifact.fingerprint().value());
          if (other == null) {
            change.setChange("REMOVED");
          } else {
            change
                .setToFingerprint(other.fingerprint().value())
                .setChange(other.fingerprint().equals(artifact.fingerprint()) ? "SAME" : "CHANGED");
          }
          changes.put(id, change.build());
        });
    after.forEach(
        (id, artifact) -> {
          if (!before.containsKey(id)) {
            changes.put(
                id,
                ArtifactChange.newBuilder()
                    .setKind(artifact.kind())
                    .setName(artifact.name())
                    .setChange("ADDED")
                    .setToFingerprint(artifact.fingerprint().value())
                    .build());
          }
        });
    return new ArrayList<>(changes.values());
  }

  private static Map<String, Artifact> index(Bundle bundle) {
    Map<String, Artifact> byId = new TreeMap<>();
    bundle.artifacts().forEach(a -> byId.put(a.kind() + "\u0000" + a.name(), a));
    return byId;
  }
}
