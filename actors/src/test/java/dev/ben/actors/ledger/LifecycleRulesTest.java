package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.LifecycleAction;
import dev.ben.streams.ledger.PipelineHeader;
import dev.ben.streams.ledger.PipelineStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {

  private static PipelineHeader header(PipelineStatus status, long version) {
    return new PipelineHeader("auth", "auth", "logins", status, version);
  }

  private static LedgerRefusal refused(PipelineHeader header, LifecycleAction action) {
    return assertThrows(LedgerRefusal.class, () -> LifecycleRules.apply(header, action));
  }

  @Test
  void aPublishedPipelineIsPausedKeepingItsVersion() {
    assertEquals(
        Optional.of(header(PipelineStatus.PAUSED, 3)),
        LifecycleRules.apply(header(PipelineStatus.PUBLISHED, 3), LifecycleAction.PAUSE));
  }

  @Test
  void pausingAnythingButAPublishedPipelineIsAConflictNamingThePipeline() {
    for (PipelineHeader header :
        new PipelineHeader[] {
          header(PipelineStatus.DRAFT, 0),
          header(PipelineStatus.PAUSED, 3),
          header(PipelineStatus.ARCHIVED, 3)
        }) {
      LedgerRefusal refusal = refused(header, LifecycleAction.PAUSE);
      assertEquals(LedgerRefusal.Kind.CONFLICT, refusal.kind(), header.status().name());
      assertTrue(
          refusal.getMessage().startsWith("auth is " + header.status()), refusal.getMessage());
      assertTrue(
          refusal.getMessage().contains("only a published pipeline can be paused"),
          refusal.getMessage());
    }
  }

  @Test
  void aPausedOrArchivedPipelineResumesAsPublishedWithTheSameVersion() {
    assertEquals(
        Optional.of(header(PipelineStatus.PUBLISHED, 3)),
        LifecycleRules.apply(header(PipelineStatus.PAUSED, 3), LifecycleAction.RESUME));
    assertEquals(
        Optional.of(header(PipelineStatus.PUBLISHED, 2)),
        LifecycleRules.apply(header(PipelineStatus.ARCHIVED, 2), LifecycleAction.RESUME));
  }

  @Test
  void resumingAPublishedPipelineIsAConflictSayingItAlreadyRuns() {
    LedgerRefusal refusal = refused(header(PipelineStatus.PUBLISHED, 3), LifecycleAction.RESUME);
    assertEquals(LedgerRefusal.Kind.CONFLICT, refusal.kind());
    assertEquals("auth already runs", refusal.getMessage());
  }

  @Test
  void resumingAPipelineWithNoVersionToRunIsAConflictAskingForADeploy() {
    for (PipelineHeader header :
        new PipelineHeader[] {
          header(PipelineStatus.DRAFT, 0), header(PipelineStatus.ARCHIVED, 0)
        }) {
      LedgerRefusal refusal = refused(header, LifecycleAction.RESUME);
      assertEquals(LedgerRefusal.Kind.CONFLICT, refusal.kind());
      assertEquals(
          "auth is "
              + header.status().name().toLowerCase()
              + " and has no version to run; deploy one: "
              + "`benctl deploy auth`",
          refusal.getMessage());
    }
  }

  @Test
  void anythingNotArchivedCanBeArchivedKeepingItsVersion() {
    assertEquals(
        Optional.of(header(PipelineStatus.ARCHIVED, 0)),
        LifecycleRules.apply(header(PipelineStatus.DRAFT, 0), LifecycleAction.ARCHIVE));
    assertEquals(
        Optional.of(header(PipelineStatus.ARCHIVED, 4)),
        LifecycleRules.apply(header(PipelineStatus.PUBLISHED, 4), LifecycleAction.ARCHIVE));
    assertEquals(
        Optional.of(header(PipelineStatus.ARCHIVED, 4)),
        LifecycleRules.apply(header(PipelineStatus.PAUSED, 4), LifecycleAction.ARCHIVE));
  }

  @Test
  void archivingAnArchivedPipelineIsAConflict() {
    LedgerRefusal refusal = refused(header(PipelineStatus.ARCHIVED, 4), LifecycleAction.ARCHIVE);
    assertEquals(LedgerRefusal.Kind.CONFLICT, refusal.kind());
    assertEquals("auth is already archived", refusal.getMessage());
  }

  @Test
  void deletingLeavesNoHeaderWhateverTheStatus() {
    for (PipelineStatus status : PipelineStatus.values()) {
      long version = status == PipelineStatus.DRAFT ? 0 : 2;
      assertEquals(
          Optional.empty(),
          LifecycleRules.apply(header(status, version), LifecycleAction.DELETE),
          status.name());
    }
  }

  @Test
  void anUnspecifiedActionIsInvalidAndTheVerbsAreNamed() {
    LedgerRefusal refusal =
        refused(header(PipelineStatus.PUBLISHED, 1), LifecycleAction.LIFECYCLE_ACTION_UNSPECIFIED);
    assertEquals(LedgerRefusal.Kind.INVALID, refusal.kind());
    assertTrue(
        refusal.getMessage().contains("use pause, resume, archive or delete"),
        refusal.getMessage());
  }

  @Test
  void eachVerbHasAPastTenseForTheEventLog() {
    assertEquals("paused", LifecycleRules.pastTense(LifecycleAction.PAUSE));
    assertEquals("resumed", LifecycleRules.pastTense(LifecycleAction.RESUME));
    assertEquals("archived", LifecycleRules.pastTense(LifecycleAction.ARCHIVE));
    assertEquals("deleted", LifecycleRules.pastTense(LifecycleAction.DELETE));
  }
}
