package dev.ben.actors.pipeline;

import dev.ben.streams.flow.Envelope;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.pekko.stream.BoundedSourceQueue;

/**
 * The pipelines that take events on this node, as the {@link PipelineDirectory} last published
 * them: an immutable snapshot request handlers read without asking the directory (one volatile read
 * per request, where an ask cost a temporary actor and a round trip through the directory's
 * mailbox). The directory is the only writer.
 */
public final class PipelineTable {

  /**
   * A pipeline's ingress and, for one a contract decides, the queue invocations enter it through:
   * materialised once into the ingress's sink when the pipeline registers, completed when it goes.
   */
  public record Entry(
      PipelineDirectory.Ingress ingress, Optional<BoundedSourceQueue<Envelope>> invocations) {}

  private volatile SortedMap<String, Entry> pipelines = Collections.emptySortedMap();

  /** The pipeline's entry if it runs here. */
  public Optional<Entry> find(String pipeline) {
    return Optional.ofNullable(pipelines.get(pipeline));
  }

  /** What the directory would answer, without asking it. */
  public PipelineDirectory.LookupResult lookup(String pipeline) {
    Map<String, Entry> now = pipelines;
    Entry entry = now.get(pipeline);
    return new PipelineDirectory.LookupResult(
        entry == null ? Optional.empty() : Optional.of(entry.ingress()), List.copyOf(now.keySet()));
  }

  /** The names of the pipelines running here, sorted. */
  public List<String> running() {
    return List.copyOf(pipelines.keySet());
  }

  /** Replaces the snapshot: the directory after each change (and tests, standing in for it). */
  public void publish(SortedMap<String, Entry> next) {
    pipelines = Collections.unmodifiableSortedMap(new TreeMap<>(next));
  }
}
