package dev.ben.streams.live;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Broadcasts live messages (JSON for bux, signals for sidecars) to subscribers. The data path
 * offers messages with {@link #publish}, which never blocks: when the hub is full (no subscriber
 * keeps up, or none is attached and the buffer is full) the message is dropped and counted in
 * {@link #dropped()}. Because a BroadcastHub runs at the pace of its slowest consumer, every
 * subscriber must conflate or drop on its own side; {@link #subscribe(int)} does that.
 */
public final class LiveHub<T> implements AutoCloseable {

  private final BoundedSourceQueue<T> queue;
  private final Source<T, NotUsed> hub;
  private final UniqueKillSwitch killSwitch;
  private final LongAdder dropped = new LongAdder();
  private final AtomicInteger subscribers = new AtomicInteger();

  public LiveHub(Class<T> type, Materializer materializer, int bufferSize) {
    Pair<Pair<BoundedSourceQueue<T>, UniqueKillSwitch>, Source<T, NotUsed>> materialized =
        Source.<T>queue(bufferSize)
            .viaMat(KillSwitches.single(), Keep.both())
            .toMat(BroadcastHub.of(type, 256), Keep.both())
            .run(materializer);
    this.queue = materialized.first().first();
    this.killSwitch = materialized.first().second();
    this.hub = materialized.second();
    // Keep the hub draining while nobody watches, so publishers never see a full queue just because
    // bux is closed.
    hub.runWith(org.apache.pekko.stream.javadsl.Sink.ignore(), materializer);
  }

  /**
   * Offers a message to every subscriber; returns false (and counts a drop) when the hub cannot
   * take it now.
   */
  public boolean publish(T message) {
    QueueOfferResult result = queue.offer(message);
    if (result == QueueOfferResult.enqueued()) {
      return true;
    }
    dropped.increment();
    return false;
  }

  /**
   * Offers the message {@code render} makes, only while someone subscribes: the data path then pays
   * nothing for rendering what nobody would see (a subscriber sees messages from when it joined on,
   * so none is missed by this). Returns whether a message was taken.
   */
  public boolean publishWhileWatched(Supplier<T> render) {
    return subscribers.get() > 0 && publish(render.get());
  }

  /**
   * A subscription that never slows the hub: at most {@code clientBuffer} messages wait for this
   * subscriber, and when it falls behind the oldest waiting messages are dropped in favour of newer
   * ones.
   */
  public Source<T, NotUsed> subscribe(int clientBuffer) {
    return hub.buffer(clientBuffer, org.apache.pekko.stream.OverflowStrategy.dropHead())
        .mapMaterializedValue(
            notUsed -> {
              subscribers.incrementAndGet();
              return notUsed;
            })
        .watchTermination(
            (notUsed, done) -> {
              done.whenComplete((ended, failure) -> subscribers.decrementAndGet());
              return notUsed;
            });
  }

  public long dropped() {
    return dropped.sum();
  }

  @Override
  public void close() {
    killSwitch.shutdown();
  }
}
