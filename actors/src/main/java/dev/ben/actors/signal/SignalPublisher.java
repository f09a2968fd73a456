package dev.ben.actors.signal;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.spine.PlaybookFirings;

/**
 * What the spine calls when a playbook fires: the signal goes on the signal plane, counted as
 * published.
 */
public final class SignalPublisher implements PlaybookFirings {

  private final MessagePlane<Signal> plane;
  private final MetricsRegistry metrics;

  public SignalPublisher(MessagePlane<Signal> plane, MetricsRegistry metrics) {
    this.plane = plane;
    this.metrics = metrics;
  }

  @Override
  public void fired(Envelope envelope, long contractVersion, PlaybookOutcome outcome) {
    plane.publish(Signal.fired(envelope, contractVersion, outcome));
    SignalCounters.count(metrics, outcome.signal(), "published");
  }
}
