package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The joins of a lineage tree that follow what events are about rather than parent links, each
 * reading at most {@code maxScan} events of the types it looks for.
 */
final class LineageJoins {

  /** The ledger's steps for a version, the one that made it active first. */
  private static final List<String> CONTRACT_STEPS =
      List.of("ledger.activated", "ledger.deployed", "ledger.staged");

  private static final Set<String> SIGNAL_OUTCOMES = Set.of("signal.delivered", "signal.dropped");
  private static final Set<String> DECISIONS = Set.of("playbook.fired", "playbook.suppressed");

  private final EventSource source;
  private final int maxScan;

  LineageJoins(EventSource source, int maxScan) {
    this.source = source;
    this.maxScan = maxScan;
  }

  /**
   * The ledger step that stands for the decision's contract version as it was when the decision was
   * taken: the latest activation of that pipeline's version before it, else the latest deploy, else
   * the staging.
   */
  Optional<StoredEvent> contractOf(StoredEvent decision) {
    EventSubjects about = decision.event().subjects();
    if (about.pipeline() == null || about.contractVersion() == null) {
      return Optional.empty();
    }
    StoredEvent[] latest = new StoredEvent[CONTRACT_STEPS.size()];
    scan(
        0,
        Set.copyOf(CONTRACT_STEPS),
        event -> {
          if (event.position() >= decision.position()) {
            return false;
          }
          if (sameVersion(event, about)) {
            latest[CONTRACT_STEPS.indexOf(event.type())] = event;
          }
          return true;
        });
    for (StoredEvent step : latest) {
      if (step != null) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /** What became of a signal, when its outcomes were not published as its children. */
  List<StoredEvent> outcomesOf(StoredEvent published) {
    String signalId = published.event().data().path("signal_id").asText("");
    List<StoredEvent> outcomes = new ArrayList<>();
    if (signalId.isEmpty()) {
      return outcomes;
    }
    scan(
        published.position() + 1,
        SIGNAL_OUTCOMES,
        event -> {
          if (signalId.equals(event.event().data().path("signal_id").asText())) {
            outcomes.add(event);
            // A delivery ends a signal's story; a drop may be followed by a retried delivery.
            return !event.type().equals("signal.delivered");
          }
          return true;
        });
    return outcomes;
  }

  /** Decisions taken on the stored event with this id, up to {@code limit}. */
  List<StoredEvent> decisionsOn(String storedEventId, int limit) {
    List<StoredEvent> decisions = new ArrayList<>();
    scan(
        0,
        DECISIONS,
        event -> {
          if (storedEventId.equals(event.event().data().path("event_id").asText())) {
            decisions.add(event);
          }
          return decisions.size() < limit;
        });
    return decisions;
  }

  private static boolean sameVersion(StoredEvent step, EventSubjects about) {
    EventSubjects subjects = step.event().subjects();
    String version =
        subjects.contractVersion() != null
            ? subjects.contractVersion()
            : step.event().data().path("version").asText("");
    return about.pipeline().equals(subjects.pipeline()) && about.contractVersion().equals(version);
  }

  /** Reads events of the types in order until {@code visit} says stop or the bound is reached. */
  private void scan(long from, Set<String> types, java.util.function.Predicate<StoredEvent> visit) {
    int scanned = 0;
    long next = from;
    while (scanned < maxScan) {
      int asked = Math.min(source.pageSize(), maxScan - scanned);
      List<StoredEvent> page = source.scan(next, types, asked);
      for (StoredEvent event : page) {
        scanned++;
        next = event.position() + 1;
        if (!visit.test(event)) {
          return;
        }
      }
      if (page.size() < asked) {
        return;
      }
    }
  }
}
