package dev.ben.actors.reads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.ledger.Ledger;
import dev.ben.actors.ledger.LedgerRefusal;
import dev.ben.actors.testing.PingContracts;
import dev.ben.api.control.ArtifactChange;
import dev.ben.api.control.ComponentState;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.LedgerEvent;
import dev.ben.api.control.Lifecycle;
import dev.ben.api.control.PipelineList;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionState;
import dev.ben.bux.api.LedgerReads;
import dev.ben.bux.api.ReadFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ben_api's reads of the ledger against a stand-in ledger that answers as the real one does: the
 * control API's messages become ben_api's views, a refusal a failure of its kind, and silence a
 * failure saying the ledger did not answer.
 */
class LedgerAsksTest {

  private static final ActorTestKit testKit = ActorTestKit.create();

  /** Where the bundles' signing keys are written; JUnit deletes it. */
  @TempDir static Path keys;

  /** Version 1 is a bundle without sources, every other one carries its sources. */
  private static PingContracts pings;

  private static final PipelineStatus AUTH =
      PipelineStatus.newBuilder()
          .setPipeline("auth")
          .setLifecycle(Lifecycle.PUBLISHED)
          .setActiveVersion(1)
          .addVersions(version(1, VersionState.ACTIVE))
          .addVersions(version(2, VersionState.STAGED))
          .addComponents(
              ComponentState.newBuilder()
                  .setComponent("spine@node-a")
                  .setKind("spine")
                  .setNode("node-a")
                  .setRunningVersion(1))
          .addHistory(staged(1, "ada@laptop"))
          .addHistory(
              LedgerEvent.newBuilder().setType("deploy").setVersion(1).setSource("root@ops"))
          .addHistory(staged(2, "bob@laptop"))
          .build();

  @BeforeAll
  static void start() throws Exception {
    pings = new PingContracts(keys);
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static VersionInfo version(long v, VersionState state) {
    return VersionInfo.newBuilder()
        .setPipeline("auth")
        .setVersion(v)
        .setState(state)
        .setBundleId("bundle-" + v)
        .setStagedAtMillis(1000 * v)
        .build();
  }

  private static LedgerEvent staged(long v, String who) {
    return LedgerEvent.newBuilder().setType("staged").setVersion(v).setSource(who).build();
  }

  /** Answers as the ledger would for pipeline auth, and refuses any other. */
  private static Behavior<Ledger.Command> ledger() {
    return Behaviors.receive(Ledger.Command.class)
        .onMessage(
            Ledger.ListPipelines.class,
            m -> reply(m.replyTo(), PipelineList.newBuilder().addPipelines(AUTH).build()))
        .onMessage(
            Ledger.Status.class,
            m ->
                m.pipeline().equals("auth") && m.history()
                    ? reply(m.replyTo(), AUTH)
                    : refuse(m.replyTo(), "no pipeline '" + m.pipeline() + "'"))
        .onMessage(
            Ledger.Diff.class,
            m ->
                reply(
                    m.replyTo(),
                    DiffReply.newBuilder()
                        .addChanges(
                            ArtifactChange.newBuilder()
                                .setKind("policy")
                                .setName("guard")
                                .setChange("CHANGED"))
                        .build()))
        .onMessage(
            Ledger.BundleOf.class,
            m ->
                reply(
                    m.replyTo(),
                    new Ledger.BundleBytes(
                        m.pipeline(),
                        m.version(),
                        m.version() == 1
                            ? pings.bundle(1)
                            : pings.bundleWithSources((int) m.version()))))
        .build();
  }

  private static <T> Behavior<Ledger.Command> reply(ActorRef<StatusReply<T>> to, T value) {
    to.tell(StatusReply.success(value));
    return Behaviors.same();
  }

  private static <T> Behavior<Ledger.Command> refuse(ActorRef<StatusReply<T>> to, String why) {
    to.tell(StatusReply.error(new LedgerRefusal(LedgerRefusal.Kind.NOT_FOUND, why)));
    return Behaviors.same();
  }

  private static LedgerReads reads(Behavior<Ledger.Command> ledger) {
    return new LedgerAsks(testKit.spawn(ledger), testKit.system(), Duration.ofMillis(300));
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static ReadFailure failure(CompletionStage<?> stage) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> get(stage));
    return assertInstanceOf(ReadFailure.class, e.getCause());
  }

  @Test
  void pipelinesListTheActiveAndStagedVersionsAndTheComponents() throws Exception {
    var auth = get(reads(ledger()).pipelines()).get(0);
    assertEquals("auth", auth.name());
    assertEquals("PUBLISHED", auth.lifecycle());
    assertEquals(1L, auth.activeVersion());
    assertEquals(List.of(2L), auth.stagedVersions());
    assertEquals(
        List.of(new LedgerReads.ComponentVersion("spine", "node-a", 1)), auth.components());
  }

  @Test
  void aPipelineNamesWhoStagedEachVersionFromItsHistory() throws Exception {
    var detail = get(reads(ledger()).pipeline("auth"));
    assertEquals(
        List.of(
            new LedgerReads.VersionDetail(1, "ACTIVE", "ada@laptop", 1000, "bundle-1"),
            new LedgerReads.VersionDetail(2, "STAGED", "bob@laptop", 2000, "bundle-2")),
        detail.versions());
    ReadFailure unknown = failure(reads(ledger()).pipeline("nope"));
    assertEquals(ReadFailure.Kind.NOT_FOUND, unknown.kind());
    assertEquals("no pipeline 'nope'", unknown.getMessage());
  }

  @Test
  void aComparisonHoldsTheLedgersArtifactDiffAndBothVersionsSourcesEachWithItsKind()
      throws Exception {
    var comparison = get(reads(ledger()).compare("auth", 1, 2));
    assertEquals(
        List.of(new LedgerReads.ArtifactChange("policy", "guard", "CHANGED")),
        comparison.artifacts());
    assertTrue(
        comparison.fromSources().stream().allMatch(f -> f.kind().equals("artifact")),
        "a bundle without sources lists its artifacts: " + comparison.fromSources());
    assertTrue(
        comparison.fromSources().stream().anyMatch(f -> f.text().contains("\"n\"")),
        "the compiled rule is there as JSON: " + comparison.fromSources());
    assertEquals(
        List.of("ben.project", "pings.ben"),
        comparison.toSources().stream().map(LedgerReads.SourceFile::path).sorted().toList());
    assertTrue(
        comparison.toSources().stream()
            .allMatch(f -> f.kind().equals("source") && !f.text().isEmpty()),
        comparison.toSources().toString());
    assertTrue(
        comparison.toSources().stream().anyMatch(f -> f.text().contains("n > 2")),
        "version 2's own limit: " + comparison.toSources());
  }

  @Test
  void aLedgerThatDoesNotAnswerIsUnavailable() {
    ReadFailure silent = failure(reads(Behaviors.ignore()).pipelines());
    assertEquals(ReadFailure.Kind.UNAVAILABLE, silent.kind());
    assertTrue(silent.getMessage().contains("did not answer within 300 ms"), silent.getMessage());
  }

  @Test
  void noActiveVersionIsNull() throws Exception {
    var draft = AUTH.toBuilder().setActiveVersion(0).build();
    assertNull(LedgerReadViews.summary(draft).activeVersion());
  }
}
