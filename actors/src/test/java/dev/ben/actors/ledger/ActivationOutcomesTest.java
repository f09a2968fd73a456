package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.Lifecycle;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activations that do not simply succeed, on one embedded node: one nobody can acknowledge in time
 * fails and is not half-applied, and a node restarted on the same folder has lost no intent and
 * runs the active version again.
 */
@CapturedLogs
class ActivationOutcomesTest {

  private static final String PIPELINE = PingContracts.PIPELINE;

  /** The node's home; JUnit deletes it. */
  @TempDir Path home;

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keyDir;

  private static String config(PingContracts contracts, String timeout) {
    return "ben.node.pass-through-pipelines = []\nben.ledger.activation-timeout = "
        + timeout
        + "\nben.ledger.trusted-keys = [\""
        + contracts.publicKey()
        + "\"]";
  }

  @Test
  void anActivationNotAcknowledgedInTimeFailsAndTheRecordGoesBackToWhereItWas() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    // One millisecond: no component can pull, load and acknowledge before the deadline.
    try (TestNode node = new TestNode(config(contracts, "1ms"), batch -> {});
        ControlClient control = new ControlClient(node)) {
      long version = control.stage(contracts.bundle(10)).getStaged(0).getVersion();
      PipelineStatus failed = control.deploy(PIPELINE, version, Duration.ofSeconds(20));
      assertEquals(VersionState.FAILED, failed.getActivationState(), failed.toString());
      assertEquals(0, failed.getActiveVersion());
      assertEquals(
          Lifecycle.DRAFT,
          failed.getLifecycle(),
          "the header is back to what it was before the deploy");
      assertTrue(
          failed.getActivationDetail().contains("was not acknowledged by " + PIPELINE + "/spine@"),
          failed.getActivationDetail());
      assertEquals(VersionState.FAILED, failed.getVersions(0).getState());
      assertTrue(
          control.status(PIPELINE, true).getHistoryList().stream()
              .anyMatch(e -> e.getType().equals("activation-failed") && e.getVersion() == version));
    }
  }

  @Test
  void aRestartedNodeLosesNoIntentAndRunsTheActiveVersionAgain() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    long version;
    try (TestNode node = new TestNode(config(contracts, "20s"), batch -> {}, home);
        ControlClient control = new ControlClient(node)) {
      version = control.stage(contracts.bundle(10)).getStaged(0).getVersion();
      assertEquals(
          version, control.deploy(PIPELINE, version, Duration.ofSeconds(20)).getActiveVersion());
    }
    try (TestNode node = new TestNode(config(contracts, "20s"), batch -> {}, home);
        ControlClient control = new ControlClient(node)) {
      assertEquals(version, control.status(PIPELINE, false).getActiveVersion());
      Await.until(
          () -> spineRuns(control, version),
          "the restarted node's spine runs v" + version,
          Duration.ofSeconds(20));
      Await.until(
          () -> accepts(node), "the restarted pipeline takes events", Duration.ofSeconds(20));
    }
  }

  private static boolean spineRuns(ControlClient control, long version) {
    try {
      return control.status(PIPELINE, false).getComponentsList().stream()
          .anyMatch(
              c -> c.getKind().equals("spine") && c.getRunningVersion() == version && c.getAcked());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean accepts(TestNode node) {
    try {
      return node.post("/api/v1/events?pipeline=" + PIPELINE, "{\"id\":\"a\",\"n\":1}\n")
              .statusCode()
          == 200;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
