package dev.ben.streams.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a staged version is in its lifecycle (docs/architecture.md, the control plane). A version
 * starts {@code STAGED}; an activation makes it {@code ACTIVATING}, then {@code ACTIVE} once every
 * required component acknowledged or {@code FAILED} at the deadline; the version it replaces
 * becomes {@code SUPERSEDED}. {@code UNSTAGED} is final: staging the bundle again records a new
 * version.
 */
public enum VersionState {
  STAGED,
  UNSTAGED,
  ACTIVATING,
  ACTIVE,
  FAILED,
  SUPERSEDED;

  /**
   * Whether a version in this state may move to {@code next}; the stores refuse every other move.
   */
  public boolean canMoveTo(VersionState next) {
    return successors().contains(next);
  }

  /** The states this one may move to. */
  public Set<VersionState> successors() {
    return switch (this) {
      case STAGED -> EnumSet.of(UNSTAGED, ACTIVATING);
      case ACTIVATING -> EnumSet.of(ACTIVE, FAILED);
      // An active version is replaced (superseded), never withdrawn while it runs.
      case ACTIVE -> EnumSet.of(SUPERSEDED);
      // Deploying again or rolling back is a new activation of the same version.
      case FAILED, SUPERSEDED -> EnumSet.of(ACTIVATING, UNSTAGED);
      case UNSTAGED -> EnumSet.noneOf(VersionState.class);
    };
  }
}
