package dev.ben.benctl.backtest;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.contracts.backtest.Backtest;
import dev.ben.contracts.backtest.BacktestReport;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.testbench.TestBenchRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A backtest over an events file, here: each non-blank line, in file order as {@code benctl test}
 * runs them, through both versions. Lines are read one at a time, so a file of any length runs in
 * bounded memory. The events are given in the clear, so nothing is flagged as stored redacted.
 */
final class LocalBacktest {

  private LocalBacktest() {}

  static BacktestReport run(
      ContractSet active,
      ContractSet candidate,
      String pipeline,
      String schema,
      Path events,
      int changedShown) {
    Backtest backtest;
    try {
      backtest =
          new Backtest(
              active,
              candidate,
              pipeline,
              TestBenchRun.DEFAULT_HASH_KEY.getBytes(StandardCharsets.UTF_8),
              Map.of(),
              changedShown);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.refused(e.getMessage(), e);
    }
    try (BufferedReader lines = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (!line.isBlank()) {
          backtest.replay(schema, events.getFileName() + ":" + number, line);
        }
      }
    } catch (IOException e) {
      throw CommandFailure.refused("cannot read events file " + events + ": " + e.getMessage(), e);
    }
    return backtest.report();
  }
}
