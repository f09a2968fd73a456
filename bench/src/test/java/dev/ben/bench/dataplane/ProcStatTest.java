package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The CPU fields of a stat line, whatever its command name holds. */
class ProcStatTest {

  @Test
  void userAndSystemTicksAreReadAfterANameWithSpacesAndParentheses() {
    String stat = "4242 (ben (pekko) 1) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 40";
    assertEquals(1234 + 56, ProcStat.cpuTicks(stat));
  }
}
