package dev.ben.streams.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trims are deleted as runs of sequences, and exactly the settled entries leave the disk. */
class TrimRangesTest {

  @TempDir Path dir;

  private IngestWal open() {
    return IngestWal.open(
        dir,
        new IngestWal.Options(1 << 24, true, Duration.ofMillis(20), 64, false, Duration.ZERO),
        new ObjectMapper(),
        new MetricsRegistry());
  }

  private static List<Long> sequences(List<TrimRanges.Trim> trims, PipelineWal pipeline) {
    TrimRanges.Deletes deletes = TrimRanges.of(trims);
    List<Long> deleted = new ArrayList<>();
    deletes.keys().forEach(key -> deleted.add(WalRecord.sequence(key)));
    for (RocksIndex.KeyRange range : deletes.ranges()) {
      assertEquals(pipeline.prefix().length + Long.BYTES, range.from().length);
      for (long s = WalRecord.sequence(range.from()); s < WalRecord.sequence(range.to()); s++) {
        deleted.add(s);
      }
    }
    Collections.sort(deleted);
    return deleted;
  }

  @Test
  void runsBecomeOneRangeAndGapsAreKept() {
    try (IngestWal wal = open()) {
      PipelineWal auth = wal.pipeline("auth");
      List<TrimRanges.Trim> trims = new ArrayList<>();
      for (long s : new long[] {7, 3, 4, 5, 10, 6, 12, 13}) {
        trims.add(new TrimRanges.Trim(auth, s));
      }
      TrimRanges.Deletes deletes = TrimRanges.of(trims);

      assertEquals(1, deletes.keys().size(), "10 alone");
      assertEquals(2, deletes.ranges().size(), "3..7 and 12..13");
      assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 10L, 12L, 13L), sequences(trims, auth));
    }
  }

  @Test
  void exactlyTheSettledEntriesLeaveTheDiskWhateverTheOrderOfSettling() {
    Random random = new Random(5);
    List<Envelope> kept = new ArrayList<>();
    try (IngestWal wal = open()) {
      PipelineWal auth = wal.pipeline("auth");
      PipelineWal demo = wal.pipeline("demo");
      List<Envelope> logged = new ArrayList<>(append(auth, 500));
      List<Envelope> other = append(demo, 50);
      Collections.shuffle(logged, random);
      for (Envelope event : logged) {
        if (random.nextInt(10) == 0) {
          kept.add(event);
        } else {
          auth.settled(event);
        }
      }
      demo.settled(other.subList(0, 25));
    }
    try (RocksIndex raw = RocksIndex.open(dir)) {
      List<Long> onDisk = new ArrayList<>();
      raw.scan(WalRecord.prefix("auth"), 1000)
          .forEach(entry -> onDisk.add(WalRecord.sequence(entry.getKey())));
      List<Long> expected =
          new ArrayList<>(kept.stream().map(Envelope::walSequence).sorted().toList());
      assertEquals(expected, onDisk);
      assertEquals(25, raw.scan(WalRecord.prefix("demo"), 1000).size());
    }
  }

  private static List<Envelope> append(PipelineWal log, int count) {
    List<Envelope> events =
        IntStream.range(0, count)
            .mapToObj(
                i ->
                    new Envelope(
                        "ev-" + i,
                        "auth",
                        "app",
                        i,
                        new ObjectMapper().createObjectNode().put("i", i)))
            .toList();
    return log.append(events).toCompletableFuture().join();
  }
}
