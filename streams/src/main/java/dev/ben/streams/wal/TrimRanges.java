package dev.ben.streams.wal;

import dev.ben.streams.rocks.RocksIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries settled since the last write, as the fewest deletes: events mostly settle in the
 * order they were logged, so a pipeline's trims are long runs of consecutive sequences, and each
 * run is deleted as one key range (one tombstone instead of one per event). A range covers only
 * sequences that were all trimmed, so an entry still held is never deleted.
 */
final class TrimRanges {

  /** A settled entry: its pipeline's log and its sequence there. */
  record Trim(PipelineWal pipeline, long sequence) {}

  /** Deletes of single entries, and of runs of two or more. */
  record Deletes(List<byte[]> keys, List<RocksIndex.KeyRange> ranges) {}

  private TrimRanges() {}

  static Deletes of(List<Trim> trims) {
    Map<PipelineWal, long[]> sequences = new IdentityHashMap<>();
    Map<PipelineWal, Integer> counts = new IdentityHashMap<>();
    for (Trim trim : trims) {
      int count = counts.merge(trim.pipeline(), 1, Integer::sum);
      long[] of = sequences.computeIfAbsent(trim.pipeline(), p -> new long[16]);
      if (count > of.length) {
        of = Arrays.copyOf(of, of.length * 2);
        sequences.put(trim.pipeline(), of);
      }
      of[count - 1] = trim.sequence();
    }
    List<byte[]> keys = new ArrayList<>();
    List<RocksIndex.KeyRange> ranges = new ArrayList<>();
    sequences.forEach(
        (pipeline, of) -> {
          int count = counts.get(pipeline);
          Arrays.sort(of, 0, count);
          int start = 0;
          for (int i = 1; i <= count; i++) {
            if (i == count || of[i] != of[i - 1] + 1) {
              add(pipeline.prefix(), of[start], of[i - 1], keys, ranges);
              start = i;
            }
          }
        });
    return new Deletes(keys, ranges);
  }

  private static void add(
      byte[] prefix, long first, long last, List<byte[]> keys, List<RocksIndex.KeyRange> ranges) {
    if (first == last) {
      keys.add(WalRecord.key(prefix, first));
    } else {
      ranges.add(
          new RocksIndex.KeyRange(WalRecord.key(prefix, first), WalRecord.key(prefix, last + 1)));
    }
  }
}
