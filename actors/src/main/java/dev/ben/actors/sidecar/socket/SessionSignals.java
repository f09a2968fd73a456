package dev.ben.actors.sidecar.socket;

import dev.ben.actors.signal.Signal;
import dev.ben.actors.signal.SignalCounters;
import dev.ben.streams.sidecar.socket.FrameWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * One session's signals: once the session knows its app, that app's signals are taken from the
 * node's hub into a bounded queue of the session's own, which the outbound side writes as SIGNAL
 * frames. The queue never slows the hub: a signal it cannot take is dropped and counted ({@code
 * reason=session_buffer_full}). Both fates are recorded in the event log under the signal's {@code
 * signal.published} event, as the other delivery paths record them. Each written signal gets a
 * delivery id the app acknowledges with SIGNAL_ACK; the ids of the last {@link #REMEMBERED}
 * unacknowledged signals are kept so that an ack can be counted under its signal's name.
 */
final class SessionSignals {

  static final int REMEMBERED = 1024;

  private record Pending(Signal signal, byte[] json) {}

  private final SocketServices services;
  private final BoundedSourceQueue<Pending> queue;
  private final Source<Pending, NotUsed> queued;
  private final Map<Long, String> unacked =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
          return size() > REMEMBERED;
        }
      };
  private long nextId;
  private UniqueKillSwitch subscription;

  SessionSignals(SocketServices services) {
    this.services = services;
    Pair<BoundedSourceQueue<Pending>, Source<Pending, NotUsed>> queue =
        Source.<Pending>queue(services.socket.signalBuffer()).preMaterialize(services.materializer);
    this.queue = queue.first();
    this.queued = queue.second();
  }

  /** The SIGNAL frames to write; empty until {@link #follow} names the app. */
  Source<ByteString, NotUsed> frames() {
    return queued.map(this::written);
  }

  /** Starts taking {@code app}'s signals; called once, when the session's HELLO is accepted. */
  synchronized void follow(String app) {
    subscription =
        services
            .signals
            .subscribe(services.socket.signalBuffer())
            .filter(signal -> signal.app().equals(app))
            .viaMat(KillSwitches.single(), Keep.right())
            .to(Sink.foreach(this::offer))
            .run(services.materializer);
  }

  /**
   * Counts the ack; false when the id was never delivered here (or is too old to be remembered).
   */
  synchronized boolean acked(long id) {
    String signal = unacked.remove(id);
    if (signal == null) {
      return false;
    }
    SignalCounters.count(services.metrics, signal, "acked");
    return true;
  }

  synchronized void stop() {
    if (subscription != null) {
      subscription.shutdown();
    }
    try {
      queue.complete();
    } catch (IllegalStateException alreadyTerminated) {
      // The session's stream cancelled the queue first (it ended on its client's side); nothing is
      // left to end.
    }
  }

  private void offer(Signal signal) throws Exception {
    QueueOfferResult result = queue.offer(new Pending(signal, services.signalJson.bytes(signal)));
    if (result != QueueOfferResult.enqueued()) {
      services.deliveries.dropped(signal, "session_buffer_full");
    }
  }

  private synchronized ByteString written(Pending pending) {
    long id = ++nextId;
    unacked.put(id, pending.signal().signal());
    services.deliveries.delivered(pending.signal());
    return FrameWriter.signal(id, pending.json());
  }
}
