package dev.ben.actors.pipeline;

import dev.ben.actors.ClusterSerializable;
import dev.ben.actors.Supervision;
import dev.ben.actors.orchestrator.PipelineIntent;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * The pipelines of one node. It runs those the node's configuration names (pass-through) from the
 * start, and does what the executor asks for the ledger's: run (spawn, or resume), pause, stop.
 * Asking twice changes nothing, so the orchestrator can repeat itself freely. Each pipeline
 * restarts with backoff when it fails; one that stopped for good is forgotten and started again on
 * the next request.
 */
public final class PipelineHost extends AbstractBehavior<PipelineHost.Command> {

  /** Hosts register under this key; the cluster executor finds them through the receptionist. */
  public static final ServiceKey<Command> KEY =
      ServiceKey.create(Command.class, "ben-pipeline-hosts");

  public sealed interface Command extends ClusterSerializable {}

  /** Make the pipeline run, pause or stop on this node. */
  public record Ensure(PipelineIntent intent) implements Command {}

  private final PipelineLauncher launcher;
  private final Map<String, ActorRef<PipelineSupervisor.Command>> managed = new HashMap<>();

  public static Behavior<Command> create(PipelineLauncher launcher) {
    return Behaviors.setup(context -> new PipelineHost(context, launcher));
  }

  private PipelineHost(ActorContext<Command> context, PipelineLauncher launcher) {
    super(context);
    this.launcher = launcher;
    for (String pipeline : launcher.passThroughPipelines()) {
      context.spawn(supervised(launcher.passThrough(pipeline)), "config-" + pipeline);
    }
    context.getSystem().receptionist().tell(Receptionist.register(KEY, context.getSelf()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Ensure.class, this::onEnsure)
        .onSignal(Terminated.class, this::onPipelineStopped)
        .build();
  }

  private Behavior<Command> onEnsure(Ensure ensure) {
    String pipeline = ensure.intent().pipeline();
    ActorRef<PipelineSupervisor.Command> current = managed.get(pipeline);
    switch (ensure.intent().mode()) {
      case RUN -> {
        if (current == null) {
          start(pipeline);
        } else {
          current.tell(PipelineSupervisor.Resume.INSTANCE);
        }
      }
      case PAUSE -> {
        if (current != null) {
          current.tell(PipelineSupervisor.Pause.INSTANCE);
        }
      }
      case STOP -> {
        if (current != null) {
          getContext()
              .getLog()
              .info("stopping pipeline {} as the ledger no longer publishes it", pipeline);
          getContext().stop(current);
          managed.remove(pipeline);
        }
      }
    }
    return this;
  }

  private Behavior<Command> onPipelineStopped(Terminated terminated) {
    managed.values().remove(terminated.getRef().unsafeUpcast());
    return this;
  }

  private void start(String pipeline) {
    getContext().getLog().info("starting pipeline {} for the ledger", pipeline);
    ActorRef<PipelineSupervisor.Command> supervisor =
        getContext()
            .spawn(
                supervised(launcher.managed(pipeline)),
                "pipeline-" + pipeline + "-" + launcher.next());
    getContext().watch(supervisor);
    managed.put(pipeline, supervisor);
  }

  private <T> Behavior<T> supervised(Behavior<T> behavior) {
    return Supervision.restartWithBackoff(behavior, launcher.settings().supervision());
  }
}
