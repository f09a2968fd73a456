package dev.ben.streams.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.streams.testing.PingProject;
import org.junit.jupiter.api.Test;

class ContractSlotTest {

  private static ActiveContract version(long number, String pipeline) {
    return new ActiveContract(
        number, ContractRuntime.build(PingProject.contracts(pipeline, 10), pipeline, null));
  }

  @Test
  void keepsTheLastVersionsReachableByNumber() {
    ContractSlot slot = new ContractSlot("ping");
    assertEquals(0, slot.version());
    for (long v = 1; v <= ContractSlot.HELD_VERSIONS + 2; v++) {
      slot.swap(version(v, "ping"));
    }
    assertEquals(ContractSlot.HELD_VERSIONS + 2, slot.version());
    assertTrue(slot.held(1).isEmpty(), "the oldest versions are let go");
    assertTrue(slot.held(2).isEmpty());
    assertEquals(3, slot.held(3).orElseThrow().version());
    assertEquals(slot.version(), slot.held(slot.version()).orElseThrow().version());
  }

  @Test
  void refusesAnotherPipelinesContract() {
    ContractSlot slot = new ContractSlot("ping");
    assertThrows(IllegalArgumentException.class, () -> slot.swap(version(1, "other")));
    assertTrue(slot.current().isEmpty());
  }
}
