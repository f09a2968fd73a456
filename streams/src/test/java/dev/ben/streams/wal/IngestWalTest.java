package dev.ben.streams.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestWalTest {

  private static ActorSystem system;
  private static final ExecutorService blocking = Executors.newSingleThreadExecutor();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final MetricsRegistry metrics = new MetricsRegistry();

  @BeforeAll
  static void start() {
    system = ActorSystem.create("ingest-wal-test");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
    blocking.shutdown();
  }

  private IngestWal open(long maxBytes) {
    return IngestWal.open(
        dir,
        new IngestWal.Options(maxBytes, true, Duration.ofMillis(20), 4, false, Duration.ZERO),
        JSON,
        metrics);
  }

  static List<Envelope> events(String pipeline, int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(
            i ->
                new Envelope(
                    "ev-" + i,
                    pipeline,
                    "app",
                    1_000L + i,
                    JSON.createObjectNode().put("i", i).put("text", "é ✓")))
        .toList();
  }

  private static List<Envelope> append(PipelineWal log, List<Envelope> events) {
    return log.append(events).toCompletableFuture().join();
  }

  private static List<Envelope> replayed(PipelineWal log) {
    return log.replay(blocking)
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  @Test
  void aBatchIsLoggedInOrderAndReadsBackAsTheSameEnvelopes() {
    try (IngestWal wal = open(1 << 20)) {
      PipelineWal auth = wal.pipeline("auth");
      List<Envelope> first = append(auth, events("auth", 0, 3));
      List<Envelope> second = append(auth, events("auth", 3, 2));
      append(wal.pipeline("demo"), events("demo", 100, 4));

      assertEquals(List.of(0L, 1L, 2L), first.stream().map(Envelope::walSequence).toList());
      assertEquals(List.of(3L, 4L), second.stream().map(Envelope::walSequence).toList());
      List<Envelope> back = replayed(auth);
      assertEquals(5, back.size(), "only this pipeline's entries");
      assertEquals(first.get(0), back.get(0), "id, pipeline, app, received-at, body, position");
      assertEquals(
          List.of("ev-0", "ev-1", "ev-2", "ev-3", "ev-4"),
          back.stream().map(Envelope::eventId).toList());
      assertEquals(4, wal.pipeline("demo").entries());
    }
  }

  @Test
  void settledEntriesAreTrimmedAndAreNotReplayed() {
    try (IngestWal wal = open(1 << 20)) {
      PipelineWal auth = wal.pipeline("auth");
      List<Envelope> logged = append(auth, events("auth", 0, 5));
      long bytesBefore = wal.bytes();
      auth.settled(logged.subList(0, 3));
      auth.settled(logged.get(0));

      assertEquals(2, auth.entries(), "a second settlement of the same event changes nothing");
      assertTrue(wal.bytes() < bytesBefore);
      assertEquals(
          List.of("ev-3", "ev-4"), replayed(auth).stream().map(Envelope::eventId).toList());
      assertEquals(
          2L, metrics.value("ben_wal_entries", Labels.of("pipeline", "auth")), "the gauge");
    }
  }

  @Test
  void aReopenedLogFindsWhatWasNotTrimmedAndContinuesTheSequence() {
    List<Envelope> logged;
    try (IngestWal wal = open(1 << 20)) {
      PipelineWal auth = wal.pipeline("auth");
      logged = append(auth, events("auth", 0, 6));
      auth.settled(logged.subList(0, 2));
    }
    try (IngestWal reopened = open(1 << 20)) {
      PipelineWal auth = reopened.pipeline("auth");
      assertEquals(4, auth.entries());
      List<Envelope> back = replayed(auth);
      assertEquals(logged.subList(2, 6), back);
      assertEquals(
          4L,
          metrics.value("ben_wal_recovered_total", Labels.of("pipeline", "auth")),
          "replayed entries are counted recovered");
      assertEquals(6L, append(auth, events("auth", 6, 1)).get(0).walSequence());
      auth.settled(back);
    }
    try (IngestWal again = open(1 << 20)) {
      assertEquals(1, again.pipeline("auth").entries(), "trims reached the disk on close");
    }
  }

  @Test
  void entriesWrittenByAnotherHandleAreFoundOnOpen() {
    // A crash leaves the directory as a writer left it; its RocksDB handle is simply gone.
    List<Envelope> events = events("auth", 0, 2);
    try (IngestWal wal = open(1 << 20)) {
      append(wal.pipeline("auth"), events);
    }
    try (RocksIndex raw = RocksIndex.open(dir)) {
      assertEquals(2, raw.scan(WalRecord.prefix("auth"), 10).size());
    }
    try (IngestWal wal = open(1 << 20)) {
      assertEquals(
          List.of("ev-0", "ev-1"),
          replayed(wal.pipeline("auth")).stream().map(Envelope::eventId).toList());
    }
  }

  @Test
  void aFullLogRefusesTheWholeGroupUntilEntriesAreTrimmed() {
    try (IngestWal wal = open(400)) {
      PipelineWal auth = wal.pipeline("auth");
      List<Envelope> logged = append(auth, events("auth", 0, 3));
      CompletionException full =
          assertThrows(CompletionException.class, () -> append(auth, events("auth", 3, 10)));
      WalRefusedException refusal = assertInstanceOf(WalRefusedException.class, full.getCause());
      assertEquals(WalRefusedException.FULL, refusal.reason());
      assertEquals(10, refusal.events());
      assertEquals(3, auth.entries(), "nothing of the refused group is held");

      auth.settled(logged);
      assertEquals(3, append(auth, events("auth", 3, 3)).size(), "room again once trimmed");
    }
  }

  @Test
  void aClosedLogRefusesAppends() {
    IngestWal wal = open(1 << 20);
    PipelineWal auth = wal.pipeline("auth");
    wal.close();
    CompletionException refused =
        assertThrows(CompletionException.class, () -> append(auth, events("auth", 0, 1)));
    assertEquals(
        WalRefusedException.WRITE_FAILED,
        assertInstanceOf(WalRefusedException.class, refused.getCause()).reason());
  }
}
