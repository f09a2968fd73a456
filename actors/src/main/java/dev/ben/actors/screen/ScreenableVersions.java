package dev.ben.actors.screen;

import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionState;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which version screens when the caller names none: the newest one staged and not since unstaged,
 * failed or superseded. Deploying it changes nothing (an active or activating version still answers
 * until a newer one is staged); staging a version with changed lists changes the answer at once,
 * with no deploy.
 */
final class ScreenableVersions {

  private static final Set<VersionState> SCREENABLE =
      EnumSet.of(VersionState.STAGED, VersionState.ACTIVATING, VersionState.ACTIVE);

  private ScreenableVersions() {}

  static OptionalLong newest(PipelineStatus status) {
    return status.getVersionsList().stream()
        .filter(version -> SCREENABLE.contains(version.getState()))
        .mapToLong(VersionInfo::getVersion)
        .max();
  }
}
