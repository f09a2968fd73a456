package dev.ben.streams.flow;

import java.util.ArrayList;
import java.util.List;

/** Cutting and joining batches of events for the store, keeping their order. */
final class StoreBatches {

  private StoreBatches() {}

  /** {@code batch} cut into consecutive batches of at most {@code size} events. */
  static List<List<Envelope>> split(List<Envelope> batch, int size) {
    List<List<Envelope>> parts = new ArrayList<>(batch.size() / size + 1);
    for (int from = 0; from < batch.size(); from += size) {
      parts.add(batch.subList(from, Math.min(batch.size(), from + size)));
    }
    return parts;
  }

  /** The batches as one, in order; a single batch as it is. */
  static List<Envelope> joined(List<List<Envelope>> batches) {
    if (batches.size() == 1) {
      return batches.get(0);
    }
    int size = 0;
    for (List<Envelope> batch : batches) {
      size += batch.size();
    }
    List<Envelope> joined = new ArrayList<>(size);
    for (List<Envelope> batch : batches) {
      joined.addAll(batch);
    }
    return joined;
  }
}
