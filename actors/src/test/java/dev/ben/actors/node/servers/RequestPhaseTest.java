package dev.ben.actors.node.servers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestPhaseTest {

  private static final long SECOND = 1_000_000_000L;

  private final RequestPhase phase = new RequestPhase(Duration.ofSeconds(10), 0);

  @Test
  void theFirstRequestsHeadersAreDueFromTheOpeningHoweverBytesTrickle() {
    for (long t = 1; t <= 10; t++) {
      phase.bytesArrived(t * SECOND);
    }
    assertFalse(phase.overdue(10 * SECOND));
    assertTrue(phase.overdue(11 * SECOND));
  }

  @Test
  void completeHeadersDisarmTheClockUntilTheNextRequestsFirstByte() {
    phase.headersComplete();
    assertFalse(phase.overdue(60 * SECOND), "a request under way is not held to it");
    phase.bytesArrived(61 * SECOND);
    assertFalse(phase.overdue(100 * SECOND), "bytes of a request under way (its body)");
    phase.responded();
    assertFalse(phase.overdue(200 * SECOND), "an idle keep-alive connection is not held to it");
    phase.bytesArrived(300 * SECOND);
    assertFalse(phase.overdue(310 * SECOND));
    assertTrue(phase.overdue(311 * SECOND), "the next request's headers are due");
  }
}
