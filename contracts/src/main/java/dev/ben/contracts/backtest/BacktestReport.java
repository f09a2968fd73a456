package dev.ben.contracts.backtest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a backtest found: how many events it replayed, each rule's and playbook's counts under the
 * active version ({@code before}) and the candidate ({@code after}), the events whose decision
 * changed (the first few, with the total), and the candidate's decisions that read fields the
 * source stored only redacted, which stored events cannot replay. Its JSON form is what {@code
 * benctl backtest -o json} prints and what the control API sends.
 */
@JsonPropertyOrder({
  "pipeline",
  "baseline",
  "candidate",
  "events",
  "counts",
  "changed",
  "changed_events",
  "not_replayable"
})
public record BacktestReport(
    String pipeline,
    String baseline,
    String candidate,
    long events,
    List<Count> counts,
    long changed,
    @JsonProperty("changed_events") List<ChangedEvent> changedEvents,
    @JsonProperty("not_replayable") List<NotReplayable> notReplayable) {

  public BacktestReport {
    counts = List.copyOf(counts);
    changedEvents = List.copyOf(changedEvents);
    notReplayable = List.copyOf(notReplayable);
  }

  /**
   * One measure of one rule or playbook ({@code kind}): {@code fired} for rules and playbooks,
   * {@code suppressed} for playbooks, {@code refused} for the events neither side could read.
   */
  @JsonPropertyOrder({"kind", "name", "measure", "before", "after", "delta"})
  @JsonIgnoreProperties(value = "delta", allowGetters = true)
  public record Count(String kind, String name, String measure, long before, long after) {

    @JsonProperty("delta")
    public long delta() {
      return after - before;
    }
  }

  /** An event decided differently: its id and each side's decision in short. */
  @JsonPropertyOrder({"id", "before", "after"})
  public record ChangedEvent(String id, String before, String after) {}

  /**
   * A candidate decision computed from fields stored only redacted: its kind ({@code predicate},
   * {@code threshold}, {@code rule}, {@code playbook}), name, those fields, and how many replayed
   * events held a value in one of them.
   */
  @JsonPropertyOrder({"kind", "name", "fields", "events"})
  public record NotReplayable(String kind, String name, List<String> fields, long events) {

    public NotReplayable {
      fields = List.copyOf(fields);
    }
  }

  /** The count of one measure, or null when the report has none. */
  public Count count(String kind, String name, String measure) {
    return counts.stream()
        .filter(c -> c.kind().equals(kind) && c.name().equals(name) && c.measure().equals(measure))
        .findFirst()
        .orElse(null);
  }
}
