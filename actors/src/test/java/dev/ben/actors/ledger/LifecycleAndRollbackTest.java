package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.ArtifactChange;
import dev.ben.api.control.Lifecycle;
import dev.ben.api.control.LifecycleAction;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollback, diff and the lifecycle verbs end to end on one embedded node: what the ledger records,
 * and what the orchestrator makes of it on the data path (a paused pipeline refuses events, an
 * archived one is torn down).
 */
@CapturedLogs
class LifecycleAndRollbackTest {

  private static final String PIPELINE = PingContracts.PIPELINE;

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keyDir;

  private PingContracts contracts;
  private TestNode node;
  private ControlClient control;

  @BeforeEach
  void start() throws Exception {
    contracts = new PingContracts(keyDir);
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            batch -> {});
    control = new ControlClient(node);
  }

  @AfterEach
  void stop() throws Exception {
    control.close();
    node.close();
  }

  private long stageAndDeploy(int limit) throws Exception {
    long version = control.stage(contracts.bundle(limit)).getStaged(0).getVersion();
    assertEquals(
        version, control.deploy(PIPELINE, version, Duration.ofSeconds(20)).getActiveVersion());
    return version;
  }

  private int ingest() throws Exception {
    return node.post("/api/v1/events?pipeline=" + PIPELINE, "{\"id\":\"a\",\"n\":1}\n")
        .statusCode();
  }

  private static Status.Code refusal(Executable call) {
    var failure = assertThrows(ExecutionException.class, call::run);
    return ((StatusRuntimeException) failure.getCause()).getStatus().getCode();
  }

  /** A call expected to be refused. */
  private interface Executable {
    void run() throws Exception;
  }

  @Test
  void rollbackActivatesThePreviousVersionAgainThroughTheSamePath() throws Exception {
    long first = stageAndDeploy(10);
    long second = stageAndDeploy(20);
    PipelineStatus rolledBack = control.rollback(PIPELINE, Duration.ofSeconds(20));
    assertEquals(first, rolledBack.getActiveVersion(), rolledBack.toString());
    assertEquals(
        VersionState.SUPERSEDED,
        rolledBack.getVersionsList().stream()
            .filter(v -> v.getVersion() == second)
            .findFirst()
            .orElseThrow()
            .getState());
    assertTrue(
        control.status(PIPELINE, true).getHistoryList().stream()
            .anyMatch(e -> e.getType().equals("rollback") && e.getVersion() == first));
  }

  @Test
  void diffNamesTheChangedPolicyAndTheUnchangedSchema() throws Exception {
    long first = control.stage(contracts.bundle(10)).getStaged(0).getVersion();
    long second = control.stage(contracts.bundle(20)).getStaged(0).getVersion();
    List<ArtifactChange> changes = control.diff(PIPELINE, first, second).getChangesList();
    assertTrue(
        changes.stream()
            .anyMatch(c -> c.getKind().equals("policy") && c.getChange().equals("CHANGED")),
        changes.toString());
    assertTrue(
        changes.stream()
            .anyMatch(c -> c.getKind().equals("schema") && c.getChange().equals("SAME")),
        changes.toString());
  }

  @Test
  void pausedPipelinesRefuseEventsUntilResumedAndArchivedOnesAreTornDown() throws Exception {
    stageAndDeploy(10);
    Await.until(
        () -> status() == 200, "the deployed pipeline takes events", Duration.ofSeconds(15));
    assertEquals(
        Lifecycle.PAUSED, control.lifecycle(PIPELINE, LifecycleAction.PAUSE).getLifecycle());
    Await.until(
        () -> status() == 404, "the paused pipeline refuses events", Duration.ofSeconds(15));
    assertEquals(
        Status.Code.FAILED_PRECONDITION, refusal(() -> control.deploy(PIPELINE, 0, Duration.ZERO)));
    assertEquals(
        Lifecycle.PUBLISHED, control.lifecycle(PIPELINE, LifecycleAction.RESUME).getLifecycle());
    Await.until(
        () -> status() == 200, "the resumed pipeline takes events again", Duration.ofSeconds(15));
    assertEquals(
        Lifecycle.ARCHIVED, control.lifecycle(PIPELINE, LifecycleAction.ARCHIVE).getLifecycle());
    Await.until(
        () -> status() == 404 && components() == 0,
        "the archived pipeline is torn down",
        Duration.ofSeconds(15));
    assertEquals(
        Lifecycle.DELETED, control.lifecycle(PIPELINE, LifecycleAction.DELETE).getLifecycle());
    assertEquals(Status.Code.NOT_FOUND, refusal(() -> control.status(PIPELINE, false)));
  }

  private int components() {
    try {
      return control.status(PIPELINE, false).getComponentsCount();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int status() {
    try {
      return ingest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
