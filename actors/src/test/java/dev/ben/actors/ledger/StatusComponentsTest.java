package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.actors.orchestrator.ComponentTable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusComponentsTest {

  private static ComponentTable.Entry running(
      String componentId, String kind, String pipeline, String node, long version) {
    return new ComponentTable.Entry(
        componentId, kind, pipeline, node, version, true, 0, "ok", java.util.Map.of());
  }

  private static String state(
      String component, String kind, String node, long version, boolean acked) {
    return component + " " + kind + "@" + node + " v" + version + (acked ? " acked" : " not acked");
  }

  /** The components as {@code benctl status} would list them, field by field. */
  private static List<String> of(
      String pipeline,
      List<ComponentTable.Entry> running,
      Optional<AckTally> activation,
      long activeVersion) {
    return StatusComponents.of(pipeline, running, activation, activeVersion).stream()
        .map(
            c ->
                state(
                    c.getComponent(),
                    c.getKind(),
                    c.getNode(),
                    c.getRunningVersion(),
                    c.getAcked()))
        .toList();
  }

  @Test
  void componentsOfOtherPipelinesAreLeftOut() {
    List<ComponentTable.Entry> topology =
        List.of(
            running("auth/spine@n1", "spine", "auth", "n1", 2),
            running("billing/spine@n1", "spine", "billing", "n1", 2));

    List<String> components = of("auth", topology, Optional.empty(), 2);

    assertEquals(List.of(state("auth/spine@n1", "spine", "n1", 2, true)), components);
  }

  @Test
  void theActivationsAcksWinOverWhatTheTopologyReports() {
    var activation =
        new AckTally("auth", 3, 2, Set.of("auth/spine@n1", "auth/detector@n2"), 10_000);
    activation.ack("auth/detector@n2", 3, 1_000);
    List<ComponentTable.Entry> topology =
        List.of(
            running("auth/spine@n1", "spine", "auth", "n1", 2),
            running("auth/detector@n2", "detector", "auth", "n2", 2));

    List<String> components = of("auth", topology, Optional.of(activation), 2);

    assertEquals(
        List.of(
            state("auth/detector@n2", "detector", "n2", 2, true),
            state("auth/spine@n1", "spine", "n1", 2, false)),
        components,
        "the spine runs the active version yet has not acked the activation; the detector acked before it said so");
  }

  @Test
  void aRequiredComponentNotYetRunningIsListedWithThePreviousVersionAndNotAcked() {
    var activation = new AckTally("auth", 3, 2, Set.of("auth/spine@n1", "auth/store@n3"), 10_000);
    activation.ack("auth/spine@n1", 3, 1_000);
    List<ComponentTable.Entry> topology =
        List.of(running("auth/spine@n1", "spine", "auth", "n1", 3));

    List<String> components = of("auth", topology, Optional.of(activation), 2);

    assertEquals(
        List.of(
            state("auth/spine@n1", "spine", "n1", 3, true),
            state("auth/store@n3", "store", "n3", 2, false)),
        components);
  }

  @Test
  void onceTheActivationIsDecidedOnlyRunningComponentsAreListed() {
    var activation = new AckTally("auth", 3, 2, Set.of("auth/spine@n1", "auth/store@n3"), 10_000);
    activation.ack("auth/spine@n1", 3, 1_000);
    activation.checkDeadline(10_001);
    List<ComponentTable.Entry> topology =
        List.of(running("auth/spine@n1", "spine", "auth", "n1", 3));

    List<String> components = of("auth", topology, Optional.of(activation), 2);

    assertEquals(List.of(state("auth/spine@n1", "spine", "n1", 3, true)), components);
  }

  @Test
  void withoutAnActivationAComponentRunningTheActiveVersionCountsAsAcked() {
    List<ComponentTable.Entry> topology =
        List.of(
            running("auth/spine@n1", "spine", "auth", "n1", 4),
            running("auth/detector@n2", "detector", "auth", "n2", 3),
            running("auth/store@n3", "store", "auth", "n3", 0));

    List<String> components = of("auth", topology, Optional.empty(), 4);

    assertEquals(
        List.of(
            state("auth/detector@n2", "detector", "n2", 3, false),
            state("auth/spine@n1", "spine", "n1", 4, true),
            state("auth/store@n3", "store", "n3", 0, false)),
        components);
  }

  @Test
  void withNoActiveVersionAComponentRunningNothingIsNotAcked() {
    List<ComponentTable.Entry> topology =
        List.of(running("auth/spine@n1", "spine", "auth", "n1", 0));

    List<String> components = of("auth", topology, Optional.empty(), 0);

    assertEquals(List.of(state("auth/spine@n1", "spine", "n1", 0, false)), components);
  }
}
