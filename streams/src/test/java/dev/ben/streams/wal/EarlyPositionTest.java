package dev.ben.streams.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events positioned before their write is durable ({@link IngestLog#position}) may settle at any
 * moment of the write: whichever comes first, the entry is trimmed after its put, never held for a
 * replay, and counted once.
 */
class EarlyPositionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final MetricsRegistry metrics = new MetricsRegistry();

  private IngestWal open(boolean awaitOutcomes) {
    return IngestWal.open(
        dir,
        new IngestWal.Options(
            1 << 24, true, Duration.ofMillis(20), 4, awaitOutcomes, Duration.ofSeconds(30)),
        JSON,
        metrics);
  }

  /** The positioned events, which a log gives before their write is durable. */
  private static List<Envelope> events(IngestLog.Positioned logging) {
    return logging.events().toCompletableFuture().join();
  }

  private static void awaitWritten(IngestLog.Positioned logging) {
    logging.durable().toCompletableFuture().join();
  }

  private long heldBytes() {
    return metrics.value("ben_wal_bytes", Labels.of("pipeline", "auth"));
  }

  @Test
  void earlyEventsHaveTheirPositionsBeforeTheyAreDurable() {
    try (IngestWal wal = open(false)) {
      PipelineWal auth = wal.pipeline("auth");
      IngestLog.Positioned logging = auth.position(IngestWalTest.events("auth", 0, 3), null);

      List<Envelope> positioned = logging.events().toCompletableFuture().getNow(null);
      assertEquals(List.of(0L, 1L, 2L), positioned.stream().map(Envelope::walSequence).toList());
      assertEquals(positioned, logging.durable().toCompletableFuture().join());
      assertEquals(3, auth.entries(), "held once written");
    }
  }

  @Test
  void eventsSettledWhileTheyAreWrittenAreTrimmedAfterTheirPut() {
    try (IngestWal wal = open(false)) {
      PipelineWal auth = wal.pipeline("auth");
      IngestLog.Positioned logging = auth.position(IngestWalTest.events("auth", 0, 50), null);
      List<Envelope> positioned = events(logging);
      positioned.forEach(auth::settled);
      positioned.subList(0, 10).forEach(auth::settled);
      awaitWritten(logging);

      assertEquals(0, auth.entries());
      assertEquals(0, wal.bytes(), "the log's bound is free again");
      assertEquals(0, heldBytes(), "counted once, even settled twice");
    }
    try (IngestWal reopened = open(false)) {
      assertEquals(0, reopened.pipeline("auth").entries(), "no put outlived its trim");
    }
  }

  @Test
  void settlingFromOtherThreadsAtAnyMomentOfTheWriteLeavesNothingHeld() throws Exception {
    ExecutorService settlers = Executors.newFixedThreadPool(3);
    try (IngestWal wal = open(false)) {
      PipelineWal auth = wal.pipeline("auth");
      List<CompletableFuture<?>> done = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        IngestLog.Positioned logging = auth.position(IngestWalTest.events("auth", i, 1), null);
        Envelope event = events(logging).get(0);
        // A third settle as soon as positioned, a third while written, a third once durable.
        CompletionStage<?> settleAfter =
            i % 3 == 0 ? CompletableFuture.completedFuture(null) : logging.durable();
        done.add(
            settleAfter
                .toCompletableFuture()
                .thenRunAsync(() -> auth.settled(event), settlers)
                .thenCombine(logging.durable(), (settled, written) -> written));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      assertEquals(0, auth.entries());
      assertEquals(0, wal.bytes());
      assertEquals(0, heldBytes());
    } finally {
      settlers.shutdown();
    }
    try (IngestWal reopened = open(false)) {
      assertEquals(0, reopened.pipeline("auth").entries());
    }
  }

  @Test
  void anEventSettledBeforeItsWriteIsConfirmedWithoutWaitingForTheAckTimeout() {
    try (IngestWal wal = open(true)) {
      PipelineWal auth = wal.pipeline("auth");
      IngestLog.Positioned logging = auth.position(IngestWalTest.events("auth", 0, 2), null);
      List<Envelope> positioned = events(logging);
      auth.settled(positioned.get(0));
      awaitWritten(logging);

      long[] sequences = {positioned.get(0).walSequence()};
      assertEquals(
          1L,
          auth.confirmed(sequences).toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join(),
          "its outcome was final before anyone asked (the ack timeout is 30 s)");
      assertEquals(1, auth.entries(), "the other one is still held");
    }
  }

  @Test
  void aClosedLogRefusesToPositionAndHoldsNothing() {
    IngestWal wal = open(false);
    PipelineWal auth = wal.pipeline("auth");
    wal.close();
    IngestLog.Positioned logging = auth.position(IngestWalTest.events("auth", 0, 1), null);

    assertTrue(logging.events().toCompletableFuture().isCompletedExceptionally());
    assertTrue(logging.durable().toCompletableFuture().isCompletedExceptionally());
    assertEquals(0, auth.entries());
  }
}
