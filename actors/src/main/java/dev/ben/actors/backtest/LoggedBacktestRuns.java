package dev.ben.actors.backtest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records runs in the node's log only: what a node without the event log uses, so every run still
 * leaves a trace of who replayed what.
 */
public final class LoggedBacktestRuns implements BacktestRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(LoggedBacktestRuns.class);

  @Override
  public void record(Run run) {
    LOG.info(
        "{} backtested {} v{} against v{}: {} of {} events decided differently",
        run.user(),
        run.pipeline(),
        run.candidateVersion(),
        run.activeVersion(),
        run.report().changed(),
        run.report().events());
  }
}
