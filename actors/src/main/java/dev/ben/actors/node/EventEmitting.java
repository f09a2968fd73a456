package dev.ben.actors.node;

import dev.ben.config.BenSettings;
import dev.ben.streams.eventlog.emit.EventEmitter;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.stream.Materializer;

/**
 * Starts the node's emitter of Ben's own events, publishing on the blocking-IO dispatcher. It is
 * drained in the last phase of the node's coordinated shutdown, so what the node emitted while
 * stopping is published before the log's store is closed with the node's resources.
 */
final class EventEmitting {

  private EventEmitting() {}

  static EventEmitter start(ActorContext<?> context, BenSettings settings, NodeServices services) {
    EventEmitter emitter =
        EventEmitter.start(
            services.control().eventLog(),
            settings.eventLog(),
            services.metrics(),
            Materializer.matFromSystem(context.getSystem()),
            context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()));
    CoordinatedShutdown.get(context.getSystem())
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "drain-event-emitter",
            emitter::stop);
    return emitter;
  }
}
