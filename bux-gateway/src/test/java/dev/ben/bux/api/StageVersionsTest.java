package dev.ben.bux.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.bux.api.LedgerReads.ComponentVersion;
import dev.ben.bux.api.StageVersions.StageVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageVersionsTest {

  private static ComponentVersion heard(String stage, String node, long version) {
    return new ComponentVersion(stage, node, version);
  }

  private static StageVersion shown(String stage, String node, long version, String source) {
    return new StageVersion(stage, node, version, source);
  }

  @Test
  void stagesBesideASpineRunItsVersionMarkedAsTheSpines() {
    assertEquals(
        List.of(
            shown("detector", "a", 3, StageVersions.SPINE),
            shown("sidecar", "a", 3, StageVersions.SPINE),
            shown("spine", "a", 3, StageVersions.REPORTED),
            shown("store", "a", 3, StageVersions.SPINE)),
        StageVersions.of(
            List.of(
                heard("detector", "a", 0),
                heard("sidecar", "a", 0),
                heard("spine", "a", 3),
                heard("store", "a", 0))));
  }

  @Test
  void eachNodeTakesItsOwnSpinesVersionMidActivation() {
    assertEquals(
        List.of(
            shown("sidecar", "a", 4, StageVersions.SPINE),
            shown("sidecar", "b", 3, StageVersions.SPINE),
            shown("spine", "a", 4, StageVersions.REPORTED),
            shown("spine", "b", 3, StageVersions.REPORTED)),
        StageVersions.of(
            List.of(
                heard("sidecar", "a", 0),
                heard("sidecar", "b", 0),
                heard("spine", "a", 4),
                heard("spine", "b", 3))));
  }

  @Test
  void withoutAReportingSpineOnTheNodeTheVersionStaysUnknown() {
    assertEquals(
        List.of(
            shown("sidecar", "a", 0, StageVersions.NONE),
            shown("sidecar", "b", 0, StageVersions.NONE),
            shown("spine", "b", 0, StageVersions.NONE),
            shown("spine", "c", 2, StageVersions.REPORTED)),
        StageVersions.of(
            List.of(
                heard("sidecar", "a", 0),
                heard("sidecar", "b", 0),
                heard("spine", "b", 0),
                heard("spine", "c", 2))));
  }

  @Test
  void aStageReportingItsOwnVersionKeepsIt() {
    assertEquals(
        List.of(
            shown("detector", "a", 2, StageVersions.REPORTED),
            shown("spine", "a", 3, StageVersions.REPORTED)),
        StageVersions.of(List.of(heard("detector", "a", 2), heard("spine", "a", 3))));
  }
}
