package dev.ben.benctl.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.contracts.testbench.RunTally;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one events file produced: counts, expectation differences, and the one-line verdict. */
final class FileReport {

  private final Path events;
  private final Path expectFile;
  private final int total;
  private final List<String> mismatches = new ArrayList<>();
  private final RunTally tally = new RunTally();

  FileReport(Path events, Path expectFile, int total) {
    this.events = events;
    this.expectFile = expectFile;
    this.total = total;
  }

  void count(JsonNode outcome) {
    tally.count(outcome);
  }

  void mismatch(String difference) {
    mismatches.add(difference);
  }

  int mismatches() {
    return mismatches.size();
  }

  /**
   * Differences go to {@code err}; the verdict to {@code summary} (stderr when stdout carries
   * JSON).
   */
  void print(PrintWriter summary, PrintWriter err, Path wroteExpect) {
    mismatches.forEach(m -> err.println("benctl: MISMATCH " + m));
    StringBuilder line =
        new StringBuilder()
            .append(events)
            .append(": ")
            .append(total)
            .append(" events, ")
            .append(tally.refused())
            .append(" refused, ")
            .append(tally.fired())
            .append(" playbook firings");
    if (wroteExpect != null) {
      line.append("; wrote ").append(wroteExpect);
    } else if (expectFile == null) {
      line.append("; no .expect file, nothing checked");
    } else if (mismatches.isEmpty()) {
      line.append("; every expectation in ").append(expectFile).append(" holds");
    } else {
      line.append("; ").append(mismatches.size()).append(" differences from ").append(expectFile);
    }
    summary.println(line);
  }
}
