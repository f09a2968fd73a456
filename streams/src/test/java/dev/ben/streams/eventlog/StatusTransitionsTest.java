package dev.ben.streams.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusTransitionsTest {

  private static Set<ConsumerStatus> next(ConsumerStatus from) {
    Set<ConsumerStatus> allowed = EnumSet.noneOf(ConsumerStatus.class);
    for (ConsumerStatus to : ConsumerStatus.values()) {
      if (StatusTransitions.allows(from, to)) {
        allowed.add(to);
      }
    }
    return allowed;
  }

  @Test
  void theMovesAreExactlyTheDocumentedOnes() {
    assertEquals(
        EnumSet.of(ConsumerStatus.IN_PROGRESS, ConsumerStatus.CANCELLED),
        next(ConsumerStatus.STARTED));
    assertEquals(
        EnumSet.of(
            ConsumerStatus.IN_PROGRESS,
            ConsumerStatus.SUCCEEDED,
            ConsumerStatus.FAILED,
            ConsumerStatus.CANCELLED),
        next(ConsumerStatus.IN_PROGRESS));
    assertEquals(EnumSet.of(ConsumerStatus.ACKNOWLEDGED), next(ConsumerStatus.SUCCEEDED));
    assertEquals(EnumSet.of(ConsumerStatus.ACKNOWLEDGED), next(ConsumerStatus.FAILED));
    assertEquals(Set.of(), next(ConsumerStatus.CANCELLED));
    assertEquals(Set.of(), next(ConsumerStatus.ACKNOWLEDGED));
  }

  @Test
  void nothingEverMovesBackToStarted() {
    for (ConsumerStatus from : ConsumerStatus.values()) {
      assertFalse(StatusTransitions.allows(from, ConsumerStatus.STARTED), from.name());
    }
  }

  @Test
  void onlyStartedAndInProgressHoldALease() {
    assertTrue(StatusTransitions.isLeased(ConsumerStatus.STARTED));
    assertTrue(StatusTransitions.isLeased(ConsumerStatus.IN_PROGRESS));
    for (ConsumerStatus done :
        EnumSet.of(
            ConsumerStatus.SUCCEEDED,
            ConsumerStatus.FAILED,
            ConsumerStatus.CANCELLED,
            ConsumerStatus.ACKNOWLEDGED)) {
      assertTrue(StatusTransitions.isFinished(done), done.name());
    }
  }

  @Test
  void aRefusalSaysWhatIsAllowedInstead() {
    EventRefusedException e =
        StatusTransitions.refusal(ConsumerStatus.STARTED, ConsumerStatus.SUCCEEDED, "e1");
    assertEquals(EventRefusedException.Kind.CONFLICT, e.kind());
    assertTrue(e.reason().contains("IN_PROGRESS"), e.reason());
    assertTrue(
        StatusTransitions.refusal(ConsumerStatus.CANCELLED, ConsumerStatus.FAILED, "e1")
            .reason()
            .contains("final"));
  }
}
