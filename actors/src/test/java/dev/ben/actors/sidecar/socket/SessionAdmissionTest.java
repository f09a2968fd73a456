package dev.ben.actors.sidecar.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.config.Endpoint;
import dev.ben.config.SocketSettings;
import dev.ben.streams.sidecar.socket.Refusal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionAdmissionTest {

  /** Two sessions past HELLO, five pending in all; per peer four sessions, two pending. */
  private final SessionAdmission admission =
      new SessionAdmission(
          new SocketSettings(
              new Endpoint("127.0.0.1", 0),
              4096,
              2,
              Duration.ofSeconds(60),
              4,
              Duration.ofSeconds(10),
              5,
              4,
              2));

  @Test
  void aPeerMayHoldOnlyItsShareOfPendingSessionsAndOthersStillGetIn() {
    assertEquals(Optional.empty(), admission.arrive("a"));
    assertEquals(Optional.empty(), admission.arrive("a"));
    assertEquals(Optional.of(Refusal.TOO_MANY_PENDING), admission.arrive("a"));
    assertEquals(Optional.empty(), admission.arrive("b"));
    assertTrue(admission.authenticate("a"));
    assertEquals(Optional.empty(), admission.arrive("a"), "a HELLO frees a pending place");
  }

  @Test
  void pendingSessionsDoNotTakeThePlacesOfSessionsPastHello() {
    admission.arrive("a");
    admission.arrive("b");
    admission.arrive("c");
    admission.arrive("d");
    admission.arrive("e");
    assertEquals(Optional.of(Refusal.TOO_MANY_PENDING), admission.arrive("f"), "five pending");
    assertTrue(admission.authenticate("a"));
    assertTrue(admission.authenticate("b"));
    assertFalse(admission.authenticate("c"), "the node serves two past HELLO");
    assertEquals(2, admission.authenticated());
    assertEquals(3, admission.pending());
    admission.left("a", true);
    assertTrue(admission.authenticate("c"));
  }

  @Test
  void aPeerMayHoldOnlyItsShareOfAllSessions() {
    for (int i = 0; i < 2; i++) {
      assertEquals(Optional.empty(), admission.arrive("a"));
      assertTrue(admission.authenticate("a"));
    }
    assertEquals(Optional.empty(), admission.arrive("a"));
    assertEquals(Optional.empty(), admission.arrive("a"));
    assertEquals(Optional.of(Refusal.TOO_MANY_PEER_SESSIONS), admission.arrive("a"));
    admission.left("a", false);
    assertEquals(Optional.empty(), admission.arrive("a"), "an ended session frees its place");
  }
}
