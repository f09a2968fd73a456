package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.ledger.VersionPolicy.Activate;
import dev.ben.actors.ledger.VersionPolicy.Decision;
import dev.ben.actors.ledger.VersionPolicy.Refuse;
import dev.ben.actors.ledger.VersionPolicy.Unstage;
import dev.ben.streams.ledger.StagedVersion;
import dev.ben.streams.ledger.StateChange;
import dev.ben.streams.ledger.VersionState;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VersionPolicyTest {

  private static final String BUNDLE = "sha256:" + "c".repeat(64);

  private static StagedVersion v(long version, VersionState state) {
    return new StagedVersion("auth", version, BUNDLE, "ci", version * 100, state);
  }

  private static StateChange change(long version, VersionState state) {
    return new StateChange("auth", version, state, 0);
  }

  private static String refused(Decision decision) {
    return assertInstanceOf(Refuse.class, decision).reason();
  }

  @Test
  void deployWithoutAVersionTakesTheNewestStagedOneAndNamesTheActiveOne() {
    List<StagedVersion> versions =
        List.of(
            v(1, VersionState.ACTIVE),
            v(2, VersionState.STAGED),
            v(3, VersionState.STAGED),
            v(4, VersionState.UNSTAGED));
    assertEquals(
        new Activate("auth", 3, 1), VersionPolicy.deploy("auth", versions, OptionalLong.empty()));
    assertEquals(
        new Activate("auth", 2, 1), VersionPolicy.deploy("auth", versions, OptionalLong.of(2)));
  }

  @Test
  void aFailedOrSupersededVersionMayBeDeployedAgain() {
    List<StagedVersion> versions =
        List.of(v(1, VersionState.SUPERSEDED), v(2, VersionState.FAILED));
    assertEquals(
        new Activate("auth", 2, 0), VersionPolicy.deploy("auth", versions, OptionalLong.of(2)));
    assertEquals(
        new Activate("auth", 1, 0), VersionPolicy.deploy("auth", versions, OptionalLong.of(1)));
  }

  @Test
  void deployRefusesWithAReasonToActOn() {
    List<StagedVersion> versions = List.of(v(1, VersionState.ACTIVE), v(2, VersionState.UNSTAGED));
    assertEquals(
        "auth has no version 7; its versions are 1 to 2",
        refused(VersionPolicy.deploy("auth", versions, OptionalLong.of(7))));
    assertTrue(
        refused(VersionPolicy.deploy("auth", versions, OptionalLong.of(2)))
            .contains("was unstaged"));
    assertEquals(
        "version 1 of auth is already active",
        refused(VersionPolicy.deploy("auth", versions, OptionalLong.of(1))));
    assertTrue(
        refused(VersionPolicy.deploy("auth", versions, OptionalLong.empty()))
            .contains("no staged version to deploy"));
    assertTrue(
        refused(VersionPolicy.deploy("auth", List.of(), OptionalLong.of(1)))
            .contains("benctl stage"));
  }

  @Test
  void oneActivationAtATime() {
    List<StagedVersion> versions =
        List.of(v(1, VersionState.ACTIVATING), v(2, VersionState.STAGED));
    assertTrue(
        refused(VersionPolicy.deploy("auth", versions, OptionalLong.of(2)))
            .contains("still activating"));
    assertTrue(
        refused(VersionPolicy.rollback("auth", versions, List.of())).contains("still activating"));
  }

  @Test
  void rollbackActivatesThePreviouslyActiveVersionAndASecondOneReturns() {
    List<StagedVersion> versions =
        List.of(
            v(1, VersionState.SUPERSEDED), v(2, VersionState.FAILED), v(3, VersionState.ACTIVE));
    List<StateChange> history =
        List.of(
            change(1, VersionState.ACTIVE),
            change(2, VersionState.FAILED),
            change(3, VersionState.ACTIVE),
            change(1, VersionState.SUPERSEDED));
    assertEquals(
        new Activate("auth", 1, 3),
        VersionPolicy.rollback("auth", versions, history),
        "a version that failed was never active, so it is skipped");
    List<StagedVersion> afterRollback =
        List.of(
            v(1, VersionState.ACTIVE), v(2, VersionState.FAILED), v(3, VersionState.SUPERSEDED));
    List<StateChange> later = new java.util.ArrayList<>(history);
    later.addAll(List.of(change(1, VersionState.ACTIVE), change(3, VersionState.SUPERSEDED)));
    assertEquals(new Activate("auth", 3, 1), VersionPolicy.rollback("auth", afterRollback, later));
  }

  @Test
  void rollbackRefusesWhenThereIsNothingToRollBackTo() {
    assertTrue(
        refused(VersionPolicy.rollback("auth", List.of(v(1, VersionState.STAGED)), List.of()))
            .contains("no active version"));
    assertTrue(
        refused(
                VersionPolicy.rollback(
                    "auth",
                    List.of(v(1, VersionState.ACTIVE)),
                    List.of(change(1, VersionState.ACTIVE))))
            .contains("nothing to roll back to"));
    List<StagedVersion> unstaged = List.of(v(1, VersionState.UNSTAGED), v(2, VersionState.ACTIVE));
    List<StateChange> history =
        List.of(
            change(1, VersionState.ACTIVE),
            change(2, VersionState.ACTIVE),
            change(1, VersionState.SUPERSEDED),
            change(1, VersionState.UNSTAGED));
    assertTrue(refused(VersionPolicy.rollback("auth", unstaged, history)).contains("was unstaged"));
  }

  @Test
  void unstageWithdrawsOnlyVersionsThatAreNotRunning() {
    List<StagedVersion> versions =
        List.of(
            v(1, VersionState.ACTIVE),
            v(2, VersionState.STAGED),
            v(3, VersionState.UNSTAGED),
            v(4, VersionState.ACTIVATING));
    assertEquals(new Unstage("auth", 2), VersionPolicy.unstage("auth", versions, 2));
    assertTrue(
        refused(VersionPolicy.unstage("auth", versions, 1))
            .contains("is ACTIVE; deploy or roll back"));
    assertTrue(refused(VersionPolicy.unstage("auth", versions, 4)).contains("is ACTIVATING"));
    assertEquals(
        "version 3 of auth is already unstaged",
        refused(VersionPolicy.unstage("auth", versions, 3)));
    assertTrue(refused(VersionPolicy.unstage("auth", versions, 9)).contains("has no version 9"));
  }
}
