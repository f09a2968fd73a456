package dev.ben.actors.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

  private final Reconciler reconciler = new Reconciler();

  private static ComponentTable.Entry running(String pipeline, boolean managed) {
    return new ComponentTable.Entry(
        pipeline + "/spine@n1", "spine", pipeline, "n1", 1, managed, 0, "ok", java.util.Map.of());
  }

  @Test
  void nothingIsStoppedBeforeTheLedgersDeclarationArrives() {
    assertFalse(reconciler.knowsDeclarations());
    assertEquals(List.of(), reconciler.intents(List.of(running("auth", true))));
  }

  @Test
  void declaredPipelinesKeepTheirIntentAndRunningUndeclaredOnesAreStoppedOnce() {
    reconciler.declared(List.of(new PipelineIntent("auth", PipelineIntent.Mode.RUN, 2)));
    assertTrue(reconciler.knowsDeclarations());
    List<PipelineIntent> intents =
        reconciler.intents(
            List.of(
                running("auth", true),
                running("gone", true),
                new ComponentTable.Entry(
                    "gone/store@n2", "store", "gone", "n2", 0, true, 0, "ok", java.util.Map.of())));
    assertEquals(
        List.of(
            new PipelineIntent("auth", PipelineIntent.Mode.RUN, 2), PipelineIntent.stop("gone")),
        intents);
  }

  @Test
  void pipelinesOfANodesOwnConfigurationAreLeftAlone() {
    reconciler.declared(List.of());
    assertEquals(List.of(), reconciler.intents(List.of(running("demo", false))));
  }

  @Test
  void aDeclaredStopIsSentOnlyWhileSomethingOfThePipelineStillRuns() {
    reconciler.declared(List.of(PipelineIntent.stop("old")));
    assertEquals(
        List.of(PipelineIntent.stop("old")), reconciler.intents(List.of(running("old", true))));
    assertEquals(List.of(), reconciler.intents(List.of()));
  }
}
