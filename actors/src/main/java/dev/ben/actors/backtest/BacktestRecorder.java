package dev.ben.actors.backtest;

import dev.ben.contracts.backtest.BacktestReport;
import java.time.Instant;

/**
 * Records a finished backtest run (as a {@code backtest.run} event in the event log, see {@link
 * EventLogBacktestRecorder}). Recording must not fail the run: an implementation that cannot record
 * says so in its own way and returns.
 */
@FunctionalInterface
public interface BacktestRecorder {

  /**
   * A finished run: who asked, of what, over which event times ({@code to} null: no end), and what
   * it found.
   */
  record Run(
      String user,
      String pipeline,
      long activeVersion,
      long candidateVersion,
      Instant from,
      Instant to,
      BacktestReport report) {}

  void record(Run run);
}
