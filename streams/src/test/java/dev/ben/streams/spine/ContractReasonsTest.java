package dev.ben.streams.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.streams.testing.PingProject;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A contract's rule reasons are contract text, so the labels they become are bounded by the
 * contract and a cap.
 */
class ContractReasonsTest {

  private static final String PIPELINE = "pings";

  private static ActiveContract acting(long version) {
    return new ActiveContract(
        version, ContractRuntime.build(PingProject.acting(PIPELINE), PIPELINE, new byte[32]));
  }

  @Test
  void aContractsDropReasonsAndSampleLabelsAreItsNamesInRuleOrder() {
    ContractReasons reasons = ContractReasons.of(acting(1), 32);
    assertEquals(Set.of("too big", "sample(2)"), reasons.named());
    assertEquals("too big", reasons.label("too big"));
    assertEquals("sample(2)", reasons.label("sample(2)"));
  }

  @Test
  void theRulesPastTheCapAreCountedAsOther() {
    ContractReasons reasons = ContractReasons.of(acting(1), 1);
    assertEquals(Set.of("too big"), reasons.named());
    assertEquals("too big", reasons.label("too big"));
    assertEquals(ContractReasons.OTHER, reasons.label("sample(2)"));
  }

  @Test
  void aReasonTheContractDoesNotDeclareIsOther() {
    assertEquals(
        ContractReasons.OTHER, ContractReasons.of(acting(1), 32).label("a sentence of its own"));
  }

  @Test
  void manyDistinctReasonsKeepOnlyTheFirstCapRepeatsCostNothing() {
    List<String> reasons =
        IntStream.range(0, 1_000).mapToObj(i -> "reason " + (i % 2 == 0 ? 0 : i)).toList();
    Set<String> named = ContractReasons.firstReasons(reasons, 3);
    assertEquals(Set.of("reason 0", "reason 1", "reason 3"), named);
    assertEquals(List.of(), ContractReasons.firstReasons(List.of(), 3).stream().toList());
    assertThrows(IllegalArgumentException.class, () -> ContractReasons.firstReasons(reasons, 0));
  }

  @Test
  void theLabelsBelongToTheLoadedContractTheyWereMadeOf() {
    ActiveContract one = acting(1);
    ContractReasons reasons = ContractReasons.of(one, 32);
    assertTrue(reasons.of(one));
    assertFalse(reasons.of(acting(2)));
  }
}
