package dev.ben.actors.node.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionGateTest {

  private final ConnectionGate gate = new ConnectionGate(3, 2);

  @Test
  void oneAddressGetsItsShareAndTheListenerItsTotal() {
    assertEquals(Optional.empty(), gate.admit("127.0.0.1"));
    assertEquals(Optional.empty(), gate.admit("127.0.0.1"));
    assertEquals(Optional.of(ConnectionGate.MAX_PER_ADDRESS), gate.admit("127.0.0.1"));
    assertEquals(Optional.empty(), gate.admit("10.0.0.1"));
    assertEquals(Optional.of(ConnectionGate.MAX_CONNECTIONS), gate.admit("10.0.0.2"));
    assertEquals(3, gate.open());
  }

  @Test
  void aClosedConnectionGivesItsPlaceBack() {
    gate.admit("127.0.0.1");
    gate.admit("127.0.0.1");
    gate.release("127.0.0.1");
    assertEquals(Optional.empty(), gate.admit("127.0.0.1"));
    assertEquals(2, gate.open());
  }
}
