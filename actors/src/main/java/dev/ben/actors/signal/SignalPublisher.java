package dev.ben.actors.signal;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.spine.PlaybookFirings;

/**
 * What the spine calls when a playbook's condition held: a firing is recorded in the event log
 * ({@code playbook.fired}, then {@code signal.published} under it) and its signal goes on the
 * signal plane, counted as published; a suppression is recorded ({@code playbook.suppressed}). Only
 * enqueues: the emitter never waits for the log.
 */
public final class SignalPublisher implements PlaybookFirings {

  private final MessagePlane<Signal> plane;
  private final MetricsRegistry metrics;
  private final EventEmitter events;
  private final SuppressionSampler suppressions;

  public SignalPublisher(
      MessagePlane<Signal> plane,
      MetricsRegistry metrics,
      EventEmitter events,
      SuppressionSampler suppressions) {
    this.plane = plane;
    this.metrics = metrics;
    this.events = events;
    this.suppressions = suppressions;
  }

  @Override
  public void fired(
      Envelope envelope, long contractVersion, PlaybookOutcome outcome, String subjectKey) {
    String firing =
        events.emit(
            BuiltInComponents.DETECTOR,
            SignalEvents.fired(envelope, contractVersion, outcome, subjectKey));
    Signal signal = Signal.fired(envelope, contractVersion, outcome, events.newId(), subjectKey);
    // Emitted before the signal leaves, so on this node its delivery is recorded after it.
    events.emit(
        BuiltInComponents.DETECTOR,
        signal.publishedEventId(),
        SignalEvents.published(signal, firing));
    plane.publish(signal);
    SignalCounters.count(metrics, outcome.signal(), "published");
  }

  @Override
  public void suppressed(
      Envelope envelope, long contractVersion, PlaybookOutcome outcome, String subjectKey) {
    String key = envelope.pipeline() + '\u0000' + outcome.playbook() + '\u0000' + outcome.args();
    suppressions
        .admit(key, System.currentTimeMillis())
        .ifPresent(
            leftOut ->
                events.emit(
                    BuiltInComponents.DETECTOR,
                    SignalEvents.suppressed(
                        envelope, contractVersion, outcome, leftOut, subjectKey)));
  }
}
