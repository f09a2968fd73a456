package dev.ben.actors.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionState;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ScreenableVersionsTest {

  private static PipelineStatus status(VersionState... states) {
    PipelineStatus.Builder status = PipelineStatus.newBuilder().setPipeline("auth");
    for (int i = 0; i < states.length; i++) {
      status.addVersions(VersionInfo.newBuilder().setVersion(i + 1).setState(states[i]));
    }
    return status.build();
  }

  @Test
  void theNewestStagedActivatingOrActiveVersionScreens() {
    assertEquals(
        OptionalLong.of(3),
        ScreenableVersions.newest(
            status(VersionState.SUPERSEDED, VersionState.ACTIVE, VersionState.STAGED)));
    assertEquals(
        OptionalLong.of(2),
        ScreenableVersions.newest(
            status(VersionState.SUPERSEDED, VersionState.ACTIVE, VersionState.UNSTAGED)));
    assertEquals(
        OptionalLong.of(1),
        ScreenableVersions.newest(status(VersionState.ACTIVATING, VersionState.FAILED)));
  }

  @Test
  void aPipelineWithNothingScreenableHasNoVersion() {
    assertEquals(OptionalLong.empty(), ScreenableVersions.newest(status()));
    assertEquals(
        OptionalLong.empty(),
        ScreenableVersions.newest(status(VersionState.UNSTAGED, VersionState.SUPERSEDED)));
  }
}
