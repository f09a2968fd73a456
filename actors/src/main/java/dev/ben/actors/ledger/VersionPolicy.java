package dev.ben.actors.ledger;

import dev.ben.streams.ledger.StagedVersion;
import dev.ben.streams.ledger.StateChange;
import dev.ben.streams.ledger.VersionState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which version a {@code benctl deploy}, {@code rollback} or {@code unstage} acts on, decided from
 * the pipeline's versions as the {@link dev.ben.streams.ledger.LedgerStore} returns them. Pure
 * functions: the ledger actor records the outcome. A refusal carries a reason a person can act on
 * (invariant 3); nothing is guessed.
 */
public final class VersionPolicy {

  /** The outcome of a request. */
  public sealed interface Decision permits Activate, Unstage, Refuse {}

  /**
   * Start an activation of {@code version}, replacing {@code previousVersion} (0 when none is
   * active).
   */
  public record Activate(String pipeline, long version, long previousVersion) implements Decision {}

  /** Withdraw {@code version}. */
  public record Unstage(String pipeline, long version) implements Decision {}

  /** Do nothing, for this reason. */
  public record Refuse(String reason) implements Decision {}

  private VersionPolicy() {}

  /** Deploys the requested version, or the newest {@code STAGED} one when none is named. */
  public static Decision deploy(
      String pipeline, List<StagedVersion> versions, OptionalLong requested) {
    Optional<Refuse> busy = busy(pipeline, versions);
    if (busy.isPresent()) {
      return busy.get();
    }
    StagedVersion target;
    if (requested.isPresent()) {
      Optional<StagedVersion> found = find(versions, requested.getAsLong());
      if (found.isEmpty()) {
        return unknown(pipeline, versions, requested.getAsLong());
      }
      target = found.get();
    } else {
      Optional<StagedVersion> newest =
          versions.stream()
              .filter(v -> v.state() == VersionState.STAGED)
              .max(Comparator.comparingLong(StagedVersion::version));
      if (newest.isEmpty()) {
        return new Refuse(
            pipeline
                + " has no staged version to deploy; stage one with `benctl stage`, or name "
                + "an earlier version: `benctl deploy "
                + pipeline
                + " --version V`");
      }
      target = newest.get();
    }
    if (target.state() == VersionState.UNSTAGED) {
      return new Refuse(
          "version "
              + target.version()
              + " of "
              + pipeline
              + " was unstaged; stage the bundle "
              + "again to record it as a new version");
    }
    if (target.state() == VersionState.ACTIVE) {
      return new Refuse("version " + target.version() + " of " + pipeline + " is already active");
    }
    return new Activate(pipeline, target.version(), activeVersion(versions));
  }

  /**
   * Activates again the version that was active before the current one, found in the state history
   * (so a second rollback returns to where the first one started). A new activation, not an undo.
   */
  public static Decision rollback(
      String pipeline, List<StagedVersion> versions, List<StateChange> history) {
    Optional<Refuse> busy = busy(pipeline, versions);
    if (busy.isPresent()) {
      return busy.get();
    }
    long current = activeVersion(versions);
    if (current == 0) {
      return new Refuse(pipeline + " has no active version, so there is nothing to roll back");
    }
    long previous = 0;
    for (StateChange change : history) {
      if (change.state() == VersionState.ACTIVE && change.version() != current) {
        previous = change.version();
      }
    }
    if (previous == 0) {
      return new Refuse(
          "nothing to roll back to: version "
              + current
              + " is the only version of "
              + pipeline
              + " that has been active");
    }
    Optional<StagedVersion> found = find(versions, previous);
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "the history of "
              + pipeline
              + " names version "
              + previous
              + ", which has no version record; the ledger store is inconsistent");
    }
    StagedVersion target = found.get();
    if (target.state() == VersionState.UNSTAGED) {
      return new Refuse(
          "the previously active version "
              + target.version()
              + " of "
              + pipeline
              + " was unstaged; deploy a specific version instead: `benctl deploy "
              + pipeline
              + " --version V`");
    }
    return new Activate(pipeline, target.version(), current);
  }

  /** Withdraws a version that is not running. */
  public static Decision unstage(String pipeline, List<StagedVersion> versions, long version) {
    Optional<StagedVersion> found = find(versions, version);
    if (found.isEmpty()) {
      return unknown(pipeline, versions, version);
    }
    VersionState state = found.get().state();
    if (state == VersionState.UNSTAGED) {
      return new Refuse("version " + version + " of " + pipeline + " is already unstaged");
    }
    if (!state.canMoveTo(VersionState.UNSTAGED)) {
      return new Refuse(
          "version "
              + version
              + " of "
              + pipeline
              + " is "
              + state
              + "; deploy or roll back to "
              + "another version before unstaging it");
    }
    return new Unstage(pipeline, version);
  }

  /** The ACTIVE version, 0 when none is. */
  public static long activeVersion(List<StagedVersion> versions) {
    return versions.stream()
        .filter(v -> v.state() == VersionState.ACTIVE)
        .mapToLong(StagedVersion::version)
        .max()
        .orElse(0);
  }

  /**
   * One activation at a time per pipeline: a second would race the first for the same components.
   */
  private static Optional<Refuse> busy(String pipeline, List<StagedVersion> versions) {
    return versions.stream()
        .filter(v -> v.state() == VersionState.ACTIVATING)
        .findFirst()
        .map(
            v ->
                new Refuse(
                    "version "
                        + v.version()
                        + " of "
                        + pipeline
                        + " is still activating; wait until "
                        + "it is active or has failed (`benctl status "
                        + pipeline
                        + "`)"));
  }

  private static Optional<StagedVersion> find(List<StagedVersion> versions, long version) {
    return versions.stream().filter(v -> v.version() == version).findFirst();
  }

  private static Refuse unknown(String pipeline, List<StagedVersion> versions, long version) {
    String known =
        versions.isEmpty()
            ? "it has none; stage one with `benctl stage`"
            : "its versions are "
                + versions.get(0).version()
                + " to "
                + versions.get(versions.size() - 1).version();
    return new Refuse(pipeline + " has no version " + version + "; " + known);
  }
}
