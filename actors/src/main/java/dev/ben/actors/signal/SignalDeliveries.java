package dev.ben.actors.signal;

import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.metrics.MetricsRegistry;

/**
 * What became of signals on one kind of connection to apps, counted in {@code ben_signals_total}
 * and recorded in the event log as {@code signal.delivered} or {@code signal.dropped} under the
 * signal's {@code signal.published} event, as every delivery path records them.
 */
public final class SignalDeliveries {

  private final MetricsRegistry metrics;
  private final EventEmitter events;
  private final String connection;

  /**
   * @param connection how the signals reach the app, as the delivered events name it ({@code
   *     socket}, {@code sse})
   */
  public SignalDeliveries(MetricsRegistry metrics, EventEmitter events, String connection) {
    this.metrics = metrics;
    this.events = events;
    this.connection = connection;
  }

  /** The signal was written to the app's connection. */
  public void delivered(Signal signal) {
    SignalCounters.count(metrics, signal.signal(), "delivered");
    events.emit(BuiltInComponents.SIGNALS, SignalEvents.delivered(signal, connection));
  }

  /** The signal will not reach the app, for {@code reason} (a short label from a bounded set). */
  public void dropped(Signal signal, String reason) {
    SignalCounters.dropped(metrics, signal.signal(), reason);
    events.emit(BuiltInComponents.SIGNALS, SignalEvents.dropped(signal, reason));
  }
}
