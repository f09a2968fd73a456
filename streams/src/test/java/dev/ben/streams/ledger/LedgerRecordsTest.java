package dev.ben.streams.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The records refuse what the ledger must never store, with a message naming the field. */
class LedgerRecordsTest {

  private static String refusal(Runnable make) {
    return assertThrows(IllegalArgumentException.class, make::run).getMessage();
  }

  @Test
  void headersNeedAPipelineNameAndAVersionToPublish() {
    assertTrue(
        refusal(() -> new PipelineHeader("a b", "A", "", PipelineStatus.DRAFT, 0))
            .contains("`a b`"));
    assertTrue(
        refusal(() -> new PipelineHeader("auth", "Auth", "", PipelineStatus.PUBLISHED, 0))
            .contains("cannot be published without a version"));
    assertTrue(
        refusal(() -> new PipelineHeader("auth", " ", "", PipelineStatus.DRAFT, 0))
            .contains("name"));
    assertEquals(
        "", new PipelineHeader("auth", "Auth", null, PipelineStatus.DRAFT, 0).description());
  }

  @Test
  void versionsNeedAFingerprintAndANumberFromOne() {
    String bundle = "sha256:" + "0".repeat(64);
    assertTrue(
        refusal(() -> new StagedVersion("auth", 0, bundle, "k", 0, VersionState.STAGED))
            .contains("start at 1"));
    assertTrue(
        refusal(() -> new StagedVersion("auth", 1, "abc", "k", 0, VersionState.STAGED))
            .contains("benctl build"));
    assertTrue(
        refusal(() -> new StagedVersion("auth", 1, bundle, "", 0, VersionState.STAGED))
            .contains("key id"));
  }

  @Test
  void eventsNeedValidJsonAndCannotBeTheirOwnParent() {
    assertTrue(
        refusal(() -> new LedgerEvent("e", "t", "s", "", "{nope", null, "auth", 0, 0))
            .contains("not valid JSON"));
    assertTrue(
        refusal(() -> new LedgerEvent("e", "t", "s", "", "{} {}", null, "auth", 0, 0))
            .contains("not valid JSON"));
    assertTrue(
        refusal(() -> new LedgerEvent("e", "t", "s", "", "{}", "e", "auth", 0, 0))
            .contains("own parent"));
    LedgerEvent root = new LedgerEvent("e", "t", "s", null, null, " ", "auth", 0, 0);
    assertEquals("{}", root.dataJson());
    assertNull(root.parentId());
  }

  @Test
  void theLifecycleAllowsOnlyItsMoves() {
    assertEquals(
        EnumSet.of(VersionState.UNSTAGED, VersionState.ACTIVATING),
        VersionState.STAGED.successors());
    assertTrue(VersionState.SUPERSEDED.canMoveTo(VersionState.ACTIVATING), "rollback re-activates");
    assertTrue(
        VersionState.FAILED.canMoveTo(VersionState.ACTIVATING),
        "a failed version may be deployed again");
    assertFalse(
        VersionState.ACTIVE.canMoveTo(VersionState.UNSTAGED), "a running version is not withdrawn");
    assertFalse(
        VersionState.STAGED.canMoveTo(VersionState.ACTIVE), "activation goes through ACTIVATING");
    assertTrue(VersionState.UNSTAGED.successors().isEmpty());
  }
}
