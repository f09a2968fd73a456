package dev.ben.actors.ledger;

import dev.ben.api.control.ArtifactChange;
import dev.ben.api.control.DiffHunk;
import dev.ben.api.control.DiffLine;
import dev.ben.contracts.bundle.Artifact;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.SourceArtifacts;
import dev.ben.contracts.diff.SourceDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Artifact-by-artifact difference between two bundles, matched by kind and name and compared by
 * fingerprint: ADDED, REMOVED, CHANGED or SAME, sorted by kind then name so the output is stable. A
 * changed source file also carries its changed lines, so {@code benctl diff} can show them.
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
            boolean same = other.fingerprint().equals(artifact.fingerprint());
            change
                .setToFingerprint(other.fingerprint().value())
                .setChange(same ? "SAME" : "CHANGED");
            if (!same) {
              change.addAllHunks(sourceHunks(artifact, other));
            }
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

  /** The line hunks of a changed source file; none for compiled artifacts. */
  private static List<DiffHunk> sourceHunks(Artifact before, Artifact after) {
    var old = SourceArtifacts.text(before);
    var now = SourceArtifacts.text(after);
    if (old.isEmpty() || now.isEmpty()) {
      return List.of();
    }
    return SourceDiff.hunks(before.name(), old.get(), now.get()).stream()
        .map(VersionDiff::hunk)
        .toList();
  }

  private static DiffHunk hunk(SourceDiff.Hunk hunk) {
    var message =
        DiffHunk.newBuilder()
            .setFromLine(hunk.fromLine())
            .setFromCount(hunk.fromCount())
            .setToLine(hunk.toLine())
            .setToCount(hunk.toCount());
    hunk.lines()
        .forEach(
            line -> message.addLines(DiffLine.newBuilder().setOp(line.op()).setText(line.text())));
    return message.build();
  }

  private static Map<String, Artifact> index(Bundle bundle) {
    Map<String, Artifact> byId = new TreeMap<>();
    bundle.artifacts().forEach(a -> byId.put(a.kind() + "\u0000" + a.name(), a));
    return byId;
  }
}
