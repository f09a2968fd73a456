package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A stream topic's items, read once from their source into a {@link TopicRing} that every
 * subscriber reads at its own pace. The source is read only while someone subscribes (the live tap
 * renders events only while watched). Appending never waits for a subscriber: one that reads slowly
 * falls behind in the ring and, once the ring has moved past it, gets a gap with the number it
 * missed; one that stops reading costs nothing.
 */
final class StreamFeed {

  /** Items handed to a subscriber at once; bounds the copy made under the ring's lock. */
  private static final int BATCH = 64;

  private final TopicRing ring;
  private final Supplier<Source<JsonNode, NotUsed>> upstream;
  private final ToLongFunction<JsonNode> at;
  private final Materializer materializer;
  private final Executor executor;
  private CompletableFuture<Void> arrived = new CompletableFuture<>();
  private int watchers;
  private UniqueKillSwitch reading;

  /**
   * {@code upstream} is opened when the first subscriber comes and stopped when the last one goes;
   * {@code at} reads the time an item describes.
   */
  StreamFeed(
      TopicRing ring,
      Supplier<Source<JsonNode, NotUsed>> upstream,
      ToLongFunction<JsonNode> at,
      Materializer materializer) {
    this.ring = ring;
    this.upstream = upstream;
    this.at = at;
    this.materializer = materializer;
    this.executor = materializer.executionContext();
  }

  /**
   * What a subscriber receives: with {@code after}, what the ring still holds after that seq (a gap
   * first for what it no longer holds), then every new item; without, new items only.
   */
  Source<Delivery, NotUsed> subscribe(Long after) {
    long start = after == null ? ring.last() : after;
    return Source.unfoldAsync(
            start,
            (Long position) ->
                next(position)
                    .thenApply(
                        batch -> Optional.of(Pair.create(batch.endingAfter(position), batch))))
        .mapConcat(StreamFeed::deliveries)
        .watchTermination(
            (notUsed, done) -> {
              watch();
              done.whenComplete((ended, failure) -> unwatch());
              return notUsed;
            });
  }

  /** Appends one item of the topic; never blocks on subscribers. */
  void append(JsonNode data) {
    CompletableFuture<Void> waiting;
    synchronized (this) {
      ring.append(at.applyAsLong(data), data);
      waiting = arrived;
      arrived = new CompletableFuture<>();
    }
    waiting.complete(null);
  }

  private CompletionStage<TopicRing.Batch> next(long position) {
    CompletableFuture<Void> waiting;
    synchronized (this) {
      TopicRing.Batch batch = ring.after(position, BATCH);
      if (!batch.isEmpty()) {
        return CompletableFuture.completedFuture(batch);
      }
      waiting = arrived;
    }
    // Woken on another thread, so the source's thread never serves subscribers.
    return waiting.thenComposeAsync(nothing -> next(position), executor);
  }

  private static List<Delivery> deliveries(TopicRing.Batch batch) {
    List<Delivery> out = new java.util.ArrayList<>(batch.items().size() + 1);
    if (batch.missed() > 0) {
      out.add(new Delivery.Gap(batch.missed()));
    }
    batch.items().forEach(item -> out.add(new Delivery.Item(item)));
    return out;
  }

  private synchronized void watch() {
    if (watchers++ == 0) {
      reading =
          upstream
              .get()
              .viaMat(KillSwitches.single(), Keep.right())
              .to(Sink.foreach(this::append))
              .run(materializer);
    }
  }

  private synchronized void unwatch() {
    if (--watchers == 0 && reading != null) {
      reading.shutdown();
      reading = null;
    }
  }

  /** Subscribers now reading (for tests). */
  synchronized int watchers() {
    return watchers;
  }
}
