package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CommonPoolParallelismTest {

  @Test
  void smallMachinesGetTwoSoContinuationsRunOnThePoolNotOnNewThreads() {
    assertEquals("2", CommonPoolParallelism.parallelism(null, 1));
    assertEquals("2", CommonPoolParallelism.parallelism(null, 2));
    assertEquals("2", CommonPoolParallelism.parallelism("", 2));
  }

  @Test
  void largerMachinesKeepTheJdksDefaultOfOneLessThanTheirCores() {
    assertEquals("7", CommonPoolParallelism.parallelism(null, 8));
  }

  @Test
  void anOperatorsChoiceIsKept() {
    assertNull(CommonPoolParallelism.parallelism("1", 2));
    assertNull(CommonPoolParallelism.parallelism("16", 2));
  }
}
