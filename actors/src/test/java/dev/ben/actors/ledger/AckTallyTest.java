package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.ledger.AckTally.ComponentStatus;
import dev.ben.actors.ledger.AckTally.IgnoredAcks;
import dev.ben.actors.ledger.AckTally.State;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AckTallyTest {

  private static final long DEADLINE = 10_000;

  /** Version 3 of auth replacing version 2 on a spine and a detector. */
  private final AckTally activation =
      new AckTally("auth", 3, 2, Set.of("auth/spine@n1", "auth/detector@n2"), DEADLINE);

  @Test
  void becomesActiveOnlyWhenEveryRequiredComponentAcked() {
    assertEquals(State.ACTIVATING, activation.state());
    assertEquals(State.ACTIVATING, activation.ack("auth/spine@n1", 3, 1_000));
    assertEquals(State.ACTIVE, activation.ack("auth/detector@n2", 3, 2_000));
    assertEquals(List.of(), activation.missing());
    assertTrue(activation.failureReason().isEmpty());
  }

  @Test
  void thePartialStateIsVisiblePerComponent() {
    activation.ack("auth/spine@n1", 3, 1_000);
    assertEquals(
        List.of(
            new ComponentStatus("auth/detector@n2", 2, false),
            new ComponentStatus("auth/spine@n1", 3, true)),
        activation.view());
    assertEquals(List.of("auth/detector@n2"), activation.missing());
  }

  @Test
  void failsAtTheDeadlineNamingWhoDidNotAck() {
    activation.ack("auth/spine@n1", 3, 1_000);
    assertEquals(
        State.ACTIVATING,
        activation.checkDeadline(DEADLINE),
        "the deadline itself is still in time");
    assertEquals(State.FAILED, activation.checkDeadline(DEADLINE + 1));
    assertEquals(List.of("auth/detector@n2"), activation.missing());
    String reason = activation.failureReason().orElseThrow();
    assertTrue(
        reason.contains("version 3 of auth was not acknowledged by auth/detector@n2"), reason);
    assertTrue(reason.contains("version 2 keeps running"), reason);
  }

  @Test
  void expiringFailsAnActivationStillWaitingButNotOneDecided() {
    activation.ack("auth/spine@n1", 3, 1_000);
    assertEquals(State.FAILED, activation.expire(), "the timer may fire before the clock passes");
    assertEquals(List.of("auth/detector@n2"), activation.missing());
    AckTally done = new AckTally("auth", 3, 2, Set.of("auth/spine@n1"), DEADLINE);
    done.ack("auth/spine@n1", 3, 1_000);
    assertEquals(State.ACTIVE, done.expire(), "a decision stands");
  }

  @Test
  void anAckAfterTheDeadlineDoesNotRescueTheActivation() {
    activation.ack("auth/spine@n1", 3, 1_000);
    assertEquals(State.FAILED, activation.ack("auth/detector@n2", 3, DEADLINE + 5));
    assertEquals(new IgnoredAcks(0, 0, 1), activation.ignoredAcks());
    assertEquals(State.FAILED, activation.checkDeadline(DEADLINE + 10), "a decision stands");
  }

  @Test
  void acksForAnotherVersionOrFromUnknownComponentsAreIgnoredAndCounted() {
    activation.ack("auth/spine@n1", 2, 1_000);
    activation.ack("auth/spine@n1", 4, 1_000);
    activation.ack("web/spine@n1", 3, 1_000);
    assertEquals(State.ACTIVATING, activation.state());
    assertEquals(new IgnoredAcks(2, 1, 0), activation.ignoredAcks());
    assertEquals(List.of("auth/detector@n2", "auth/spine@n1"), activation.missing());
  }

  @Test
  void aRepeatedAckChangesNothing() {
    activation.ack("auth/spine@n1", 3, 1_000);
    activation.ack("auth/spine@n1", 3, 1_500);
    assertEquals(State.ACTIVATING, activation.state());
    assertEquals(new IgnoredAcks(0, 0, 0), activation.ignoredAcks());
  }

  @Test
  void aComponentThatStopsIsNoLongerWaitedFor() {
    activation.ack("auth/spine@n1", 3, 1_000);
    assertEquals(State.ACTIVE, activation.componentGone("auth/detector@n2"));
    assertEquals(List.of("auth/detector@n2"), activation.gone());
    assertEquals(List.of(new ComponentStatus("auth/spine@n1", 3, true)), activation.view());
    assertEquals(
        State.ACTIVE,
        activation.componentGone("auth/spine@n1"),
        "after the decision, nothing changes");
  }

  @Test
  void withNoComponentRunningThePipelineTheActivationIsComplete() {
    AckTally nobody = new AckTally("auth", 1, 0, Set.of(), DEADLINE);
    assertEquals(State.ACTIVE, nobody.state());
    assertEquals(List.of(), nobody.view());
  }

  @Test
  void startsFromAPolicyDecisionWithTheConfiguredTimeout() {
    AckTally started =
        AckTally.start(
            new VersionPolicy.Activate("auth", 1, 0),
            Set.of("auth/spine@n1"),
            5_000,
            Duration.ofSeconds(30));
    assertEquals(35_000, started.deadlineMillis());
    assertEquals(List.of(new ComponentStatus("auth/spine@n1", 0, false)), started.view());
    started.checkDeadline(35_001);
    assertTrue(started.failureReason().orElseThrow().contains("no contract version runs"));
  }

  @Test
  void aVersionCannotReplaceItself() {
    assertThrows(
        IllegalArgumentException.class, () -> new AckTally("auth", 2, 2, Set.of(), DEADLINE));
    assertThrows(
        IllegalArgumentException.class, () -> new AckTally("auth", 0, 0, Set.of(), DEADLINE));
  }
}
