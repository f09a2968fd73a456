package dev.ben.actors.node;

import dev.ben.config.BenSettings;
import dev.ben.streams.eventlog.archive.EventArchive;
import dev.ben.streams.eventlog.query.EventHistory;
import dev.ben.streams.eventlog.query.EventSource;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The event log's history in the analytical store: one copier for the cluster (a singleton on the
 * orchestrator-role members, beside the ledger, so a log shared through NATS is copied once), and
 * on every node the history its searches read (docs/eventlog.md, History).
 */
final class EventArchiving {

  static final String SINGLETON = "event-archive";

  private EventArchiving() {}

  /** What this node's searches read before the log; none when the history is turned off. */
  static EventHistory history(BenSettings settings, NodeServices services) {
    return settings.eventArchive().enabled() ? archive(settings, services) : EventHistory.NONE;
  }

  /** Starts (or joins) the cluster's copier, when the history is on. */
  static void start(ActorSystem<?> system, BenSettings settings, NodeServices services) {
    if (!settings.eventArchive().enabled()) {
      return;
    }
    EventArchive archive = archive(settings, services);
    Singletons.onOrchestrators(
        system,
        RepeatedRounds.create(
            "copying the event log into its history",
            () -> archive.fullPage(archive.copyNext()),
            settings.eventArchive().interval(),
            services.blockingExecutor()),
        SINGLETON,
        settings.supervision());
  }

  private static EventArchive archive(BenSettings settings, NodeServices services) {
    return new EventArchive(
        services.migrator().store(),
        EventSource.of(services.control().eventLog(), settings.eventLog().maxBatch()));
  }
}
