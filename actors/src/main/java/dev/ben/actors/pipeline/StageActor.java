package dev.ben.actors.pipeline;

import dev.ben.actors.NodeLocal;
import dev.ben.streams.flow.Coalescing;
import dev.ben.streams.flow.Envelope;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Owns the running stream of one stage. On start it materialises {@code MergeHub -> stage body} on
 * the system materialiser and hands the hub's sink (its ingress) to the pipeline supervisor. When
 * the stream fails the actor fails with it, so supervision sees the failure; when the actor stops,
 * its kill switch stops the stream.
 */
public final class StageActor extends AbstractBehavior<StageActor.Command> {

  /**
   * Producers each get this many in-flight elements in the hub; the stage's own buffer bounds the
   * rest.
   */
  private static final int PER_PRODUCER_BUFFER = 16;

  public sealed interface Command extends NodeLocal {}

  private record StreamTerminated(Throwable failure) implements Command {}

  /** Told to the parent once the stage runs: events sent to {@code ingress} enter this stage. */
  public record Ready(StageKind kind, Sink<Envelope, NotUsed> ingress) implements NodeLocal {}

  private final StageKind kind;
  private final UniqueKillSwitch killSwitch;

  /**
   * @param coalesce at most this many events cross into the stage as one element when it cannot
   *     keep up (1: one by one); batching happens only under backpressure, so an idle stage adds no
   *     latency
   */
  public static Behavior<Command> create(
      StageKind kind, Sink<Envelope, NotUsed> body, int coalesce, ActorRef<Ready> parent) {
    return Behaviors.setup(context -> new StageActor(context, kind, body, coalesce, parent));
  }

  private StageActor(
      ActorContext<Command> context,
      StageKind kind,
      Sink<Envelope, NotUsed> body,
      int coalesce,
      ActorRef<Ready> parent) {
    super(context);
    this.kind = kind;
    Pair<
            Pair<Sink<List<Envelope>, NotUsed>, UniqueKillSwitch>,
            java.util.concurrent.CompletionStage<Done>>
        running =
            MergeHub.of(batchClass(), PER_PRODUCER_BUFFER)
                .viaMat(KillSwitches.single(), Keep.both())
                .watchTermination(Keep.both())
                .mapConcat(batch -> batch)
                .to(body)
                .run(context.getSystem());
    this.killSwitch = running.first().second();
    context.pipeToSelf(running.second(), (done, failure) -> new StreamTerminated(failure));
    parent.tell(new Ready(kind, Coalescing.ingress(running.first().first(), coalesce)));
  }

  @SuppressWarnings("unchecked")
  private static Class<List<Envelope>> batchClass() {
    return (Class<List<Envelope>>) (Class<?>) List.class;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(StreamTerminated.class, this::onStreamTerminated)
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onStreamTerminated(StreamTerminated terminated) {
    if (terminated.failure() != null) {
      throw new StageFailedException(kind, terminated.failure());
    }
    return Behaviors.stopped();
  }

  private Behavior<Command> onPostStop() {
    killSwitch.shutdown();
    return this;
  }

  /** The stage's stream failed; the pipeline supervisor restarts the pipeline. */
  public static final class StageFailedException extends RuntimeException {
    StageFailedException(StageKind kind, Throwable cause) {
      super("the " + kind.label() + " stage failed: " + cause.getMessage(), cause);
    }
  }
}
