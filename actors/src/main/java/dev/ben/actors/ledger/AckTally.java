package dev.ben.actors.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tally of acknowledgements for one activation of one version, and its verdict. It starts
 * {@code ACTIVATING} with the components the orchestrator reports as running the pipeline; it
 * becomes {@code ACTIVE} once every one of them has acknowledged this version, or {@code FAILED}
 * when the deadline passes first ({@link #expire} when the ledger's timer fires, or an ack arriving
 * too late), naming those that did not. Until then {@link #view()} shows per component which
 * version it runs, for {@code benctl status}. A component that stops ({@link #componentGone}) is no
 * longer waited for; with none left the activation is complete, since components started later load
 * the active version. Acks from unknown components, for another version, or after the decision
 * change nothing and are counted. The caller supplies the time, so the verdict is deterministic.
 */
public final class AckTally {

  /** Where the activation stands. */
  public enum State {
    ACTIVATING,
    ACTIVE,
    FAILED
  }

  /**
   * One required component: the version it runs now (the previous one until it acks) and whether it
   * acked.
   */
  public record ComponentStatus(String componentId, long runningVersion, boolean acked) {}

  /** Acks that changed nothing, by reason. */
  public record IgnoredAcks(long otherVersion, long unknownComponent, long afterDecision) {}

  private final String pipeline;
  private final long version;
  private final long previousVersion;
  private final long deadlineMillis;
  private final Map<String, Boolean> acked = new TreeMap<>();
  private final Set<String> gone = new TreeSet<>();
  private State state = State.ACTIVATING;
  private long otherVersion;
  private long unknownComponent;
  private long afterDecision;

  public AckTally(
      String pipeline,
      long version,
      long previousVersion,
      Set<String> required,
      long deadlineMillis) {
    if (version < 1 || previousVersion < 0 || previousVersion == version) {
      throw new IllegalArgumentException(
          "cannot activate version "
              + version
              + " of "
              + pipeline
              + " replacing version "
              + previousVersion);
    }
    this.pipeline = pipeline;
    this.version = version;
    this.previousVersion = previousVersion;
    this.deadlineMillis = deadlineMillis;
    required.forEach(component -> acked.put(component, false));
    settle();
  }

  /**
   * Starts the tally of the activation a {@link VersionPolicy} decided, with the configured timeout
   * from now.
   */
  public static AckTally start(
      VersionPolicy.Activate decision, Set<String> required, long nowMillis, Duration timeout) {
    return new AckTally(
        decision.pipeline(),
        decision.version(),
        decision.previousVersion(),
        required,
        nowMillis + timeout.toMillis());
  }

  /** A component reports it swapped to {@code ackedVersion}; returns the state afterwards. */
  public State ack(String componentId, long ackedVersion, long nowMillis) {
    checkDeadline(nowMillis);
    if (state != State.ACTIVATING) {
      afterDecision++;
    } else if (!acked.containsKey(componentId)) {
      unknownComponent++;
    } else if (ackedVersion != version) {
      otherVersion++;
    } else {
      acked.put(componentId, true);
      settle();
    }
    return state;
  }

  /** The orchestrator reports a required component stopped; it is no longer waited for. */
  public State componentGone(String componentId) {
    if (state == State.ACTIVATING && acked.remove(componentId) != null) {
      gone.add(componentId);
      settle();
    }
    return state;
  }

  /** Fails the activation once the deadline has passed without every ack; returns the state. */
  public State checkDeadline(long nowMillis) {
    return nowMillis > deadlineMillis ? expire() : state;
  }

  /**
   * The activation's time is up (its timer fired): fails it unless every ack came; returns the
   * state.
   */
  public State expire() {
    if (state == State.ACTIVATING) {
      state = State.FAILED;
    }
    return state;
  }

  public State state() {
    return state;
  }

  /**
   * Required components that have not acknowledged (after a failure: those that never did), sorted.
   */
  public List<String> missing() {
    return acked.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
  }

  /** Why the activation failed, in words for {@code benctl status} and the event log. */
  public Optional<String> failureReason() {
    if (state != State.FAILED) {
      return Optional.empty();
    }
    String previous =
        previousVersion == 0
            ? "no contract version runs"
            : "version " + previousVersion + " keeps running";
    return Optional.of(
        "version "
            + version
            + " of "
            + pipeline
            + " was not acknowledged by "
            + String.join(", ", missing())
            + " before the deadline; "
            + previous
            + " where it was not replaced "
            + "(see `benctl status "
            + pipeline
            + "`; raise ben.ledger.activation-timeout if they are only slow)");
  }

  /** Per required component, sorted by id. */
  public List<ComponentStatus> view() {
    return acked.entrySet().stream()
        .map(
            e ->
                new ComponentStatus(
                    e.getKey(), e.getValue() ? version : previousVersion, e.getValue()))
        .toList();
  }

  /** Components that stopped during the activation and were no longer waited for. */
  public List<String> gone() {
    return List.copyOf(gone);
  }

  public IgnoredAcks ignoredAcks() {
    return new IgnoredAcks(otherVersion, unknownComponent, afterDecision);
  }

  public String pipeline() {
    return pipeline;
  }

  public long version() {
    return version;
  }

  public long previousVersion() {
    return previousVersion;
  }

  public long deadlineMillis() {
    return deadlineMillis;
  }

  private void settle() {
    if (state == State.ACTIVATING && !acked.containsValue(false)) {
      state = State.ACTIVE;
    }
  }
}
