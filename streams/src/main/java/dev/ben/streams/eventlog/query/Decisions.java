package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.StoredEvent;
import java.util.List;
import java.util.Set;

/**
 * The decisions view: playbook firings and suppressions (with their explanation, in their data),
 * each with the signals it published and what became of them, found by parent links.
 */
public final class Decisions {

  /** A firing or suppression and its signals. */
  public record Decision(StoredEvent decision, List<SignalTrail> signals) {
    public Decision {
      signals = List.copyOf(signals);
    }
  }

  /** A published signal and its outcomes (delivered, dropped). */
  public record SignalTrail(StoredEvent published, List<StoredEvent> outcomes) {
    public SignalTrail {
      outcomes = List.copyOf(outcomes);
    }
  }

  /** A page of decisions, and where the next page starts. */
  public record Page(List<Decision> decisions, long nextPosition, boolean more) {
    public Page {
      decisions = List.copyOf(decisions);
    }
  }

  public static final Set<String> TYPES = Set.of("playbook.fired", "playbook.suppressed");

  private final EventSource source;
  private final EventSearch search;

  public Decisions(EventSource source, int maxScan) {
    this(source, EventHistory.NONE, maxScan);
  }

  /** Decisions found with SQL in {@code history} as far as it goes, then in the log. */
  public Decisions(EventSource source, EventHistory history, int maxScan) {
    this.source = source;
    this.search = new EventSearch(source, history, maxScan);
  }

  public Page find(String pipeline, long sinceMillis, long fromPosition, int limit) {
    EventPage page = search.find(new EventQuery(TYPES, pipeline, sinceMillis, fromPosition, limit));
    return new Page(
        page.events().stream().map(this::withSignals).toList(), page.nextPosition(), page.more());
  }

  private Decision withSignals(StoredEvent decision) {
    return new Decision(
        decision,
        source.children(decision.id()).stream()
            .filter(child -> child.type().equals("signal.published"))
            .map(
                published ->
                    new SignalTrail(
                        published,
                        source.children(published.id()).stream()
                            .filter(outcome -> outcome.type().startsWith("signal."))
                            .toList()))
            .toList());
  }
}
