package dev.ben.actors.backtest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records runs in the event log as {@code backtest.run}, published by {@code component} (the node's
 * control plane, registered to publish the type), with the user who asked in the entry. A log that
 * refuses or is unavailable loses the record, never the run: it is logged with the reason.
 */
public final class EventLogBacktestRecorder implements BacktestRecorder {

  static final String TYPE = "backtest.run";
  private static final Logger LOG = LoggerFactory.getLogger(EventLogBacktestRecorder.class);

  private final EventLog log;
  private final String component;

  public EventLogBacktestRecorder(EventLog log, String component) {
    this.log = log;
    this.component = component;
  }

  @Override
  public void record(Run run) {
    try {
      log.publish(component, draft(run));
    } catch (RuntimeException e) {
      LOG.warn(
          "backtest of {} v{} by {} not recorded in the event log: {}",
          run.pipeline(),
          run.candidateVersion(),
          run.user(),
          e.getMessage());
    }
  }

  /** The {@code backtest.run} draft of a run, for a recorder that publishes through an emitter. */
  public static EventDraft draft(Run run) {
    ObjectNode data =
        JsonNodeFactory.instance
            .objectNode()
            .put("candidate_version", run.candidateVersion())
            .put("active_version", run.activeVersion())
            .put("events", run.report().events())
            .put("changed", run.report().changed())
            .put("from", run.from().toString());
    if (run.to() != null) {
      data.put("to", run.to().toString());
    }
    String entry =
        run.user()
            + " backtested "
            + run.pipeline()
            + " v"
            + run.candidateVersion()
            + " against v"
            + run.activeVersion()
            + ": "
            + run.report().changed()
            + " of "
            + run.report().events()
            + " events decided differently";
    return EventDraft.of(TYPE, entry, data)
        .withSubjects(
            EventSubjects.ofPipeline(run.pipeline(), Long.toString(run.candidateVersion())));
  }
}
