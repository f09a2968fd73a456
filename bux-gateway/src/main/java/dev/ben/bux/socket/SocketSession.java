package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.WebSocketSettings;
import dev.ben.streams.auth.Principal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One client's side of the protocol, once its socket is open: acts on each frame it sends (a
 * subscription runs into the socket's outgoing merge, conflated when its topic is a snapshot; a
 * request is answered once), and refuses malformed ones with an error frame, counted, until more
 * than {@code max-refused-frames} close the socket with a last error frame saying why. Frames are
 * handled one at a time, in order.
 */
final class SocketSession {

  private final WebSocketSettings limits;
  private final TopicCatalog topics;
  private final FrameRules rules;
  private final TestBench testBench;
  private final ServerFrames frames;
  private final ObjectMapper mapper;
  private final Materializer materializer;
  private final Runnable badFrame;
  private final Sink<ServerFrames.Out, NotUsed> out;
  private final BoundedSourceQueue<ServerFrames.Out> control;
  private final SharedKillSwitch closer;
  private final Subscriptions<UniqueKillSwitch> subscriptions;
  private final AtomicBoolean requestRunning = new AtomicBoolean();
  private int refused;

  SocketSession(
      BuxSocket.Shared shared,
      Runnable badFrame,
      Sink<ServerFrames.Out, NotUsed> out,
      SharedKillSwitch closer,
      Materializer materializer) {
    this.limits = shared.limits();
    this.topics = shared.topics();
    this.rules = shared.rules();
    this.testBench = shared.testBench();
    this.frames = shared.frames();
    this.mapper = shared.mapper();
    this.materializer = materializer;
    this.badFrame = badFrame;
    this.out = out;
    this.closer = closer;
    this.subscriptions = new Subscriptions<>(limits.maxSubscriptions());
    // Error frames are bounded by the refusal limit, replies by one request at a time.
    this.control =
        Source.<ServerFrames.Out>queue(limits.maxRefusedFrames() + 4).to(out).run(materializer);
  }

  ServerFrames.Out welcome(Principal principal) {
    return frames.welcome(principal, topics.names(), BuxSocket.METHODS);
  }

  /** A frame's text, or why it could not be read ({@code refusal} non-null). */
  void received(String text, String refusal) {
    if (refused > limits.maxRefusedFrames()) {
      return; // closing: the last error frame is on its way
    }
    try {
      if (refusal != null) {
        throw FrameRefusedException.of(refusal);
      }
      act(ClientFrame.parse(mapper, text, rules));
    } catch (FrameRefusedException e) {
      refuse(e);
    }
  }

  private void act(ClientFrame frame) {
    if (frame instanceof ClientFrame.Subscribe subscribe) {
      subscribe(subscribe);
    } else if (frame instanceof ClientFrame.Unsubscribe unsubscribe) {
      subscriptions
          .remove(unsubscribe.sub())
          .orElseThrow(
              () ->
                  FrameRefusedException.aboutSub(
                      unsubscribe.sub(), "no subscription " + unsubscribe.sub() + " is open here"))
          .shutdown();
    } else {
      request((ClientFrame.Request) frame);
    }
  }

  private void subscribe(ClientFrame.Subscribe subscribe) {
    subscriptions.check(subscribe.sub());
    Topic topic = topics.get(subscribe.topic()).orElseThrow();
    Source<Delivery, NotUsed> opened = topic.opener().open(subscribe.filter(), subscribe.after());
    // Snapshots never wait for the client: a newer one replaces one it has not taken yet, and
    // appended points it has not taken are joined.
    opened =
        switch (topic.kind()) {
          case SNAPSHOT -> opened.conflate((older, newer) -> newer);
          case APPENDED -> opened.conflate(AppendedPoints::merge);
          case STREAM -> opened;
        };
    Source<ServerFrames.Out, NotUsed> deliveries =
        opened.map(delivery -> frames.delivery(subscribe.sub(), topic.name(), delivery));
    UniqueKillSwitch stop =
        deliveries.viaMat(KillSwitches.single(), Keep.right()).to(out).run(materializer);
    if (!subscriptions.add(subscribe.sub(), stop)) {
      stop.shutdown();
    }
  }

  private void request(ClientFrame.Request request) {
    if (!requestRunning.compareAndSet(false, true)) {
      send(
          frames.error(
              "id",
              request.id(),
              "a request is already running on this socket; wait for its reply",
              false));
      return;
    }
    testBench
        .call(request.params())
        .whenComplete(
            (result, failure) -> {
              requestRunning.set(false);
              send(
                  failure == null
                      ? frames.reply(request.id(), result)
                      : frames.error("id", request.id(), Failures.reason(failure), false));
            });
  }

  private void refuse(FrameRefusedException refusal) {
    badFrame.run();
    refused++;
    if (refused <= limits.maxRefusedFrames()) {
      send(frames.refused(refusal, false, ""));
      return;
    }
    ServerFrames.Out last =
        frames.refused(
            refusal,
            true,
            "; this socket has sent "
                + refused
                + " refused frames, more than ben.gateway.socket.max-refused-frames ("
                + limits.maxRefusedFrames()
                + "), so it closes");
    if (control.offer(last) != QueueOfferResult.enqueued()) {
      closer.shutdown();
    }
  }

  /** Sends a control frame; dropped when the client has not read the ones before it. */
  private void send(ServerFrames.Out frame) {
    control.offer(frame);
  }

  /** Stops every subscription and the control frames: the socket has ended. */
  void close() {
    List<UniqueKillSwitch> open = subscriptions.close();
    open.forEach(UniqueKillSwitch::shutdown);
    control.complete();
  }
}
