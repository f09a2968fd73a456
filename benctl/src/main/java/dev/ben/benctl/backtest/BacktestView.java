package dev.ben.benctl.backtest;

import dev.ben.benctl.out.Table;
import dev.ben.contracts.backtest.BacktestReport;

/**
 * A backtest report for people: each rule's and playbook's count before and after with the
 * difference, then the changed events, then what stored data could not replay.
 */
final class BacktestView {

  private BacktestView() {}

  static String text(BacktestReport report) {
    StringBuilder out =
        new StringBuilder()
            .append(report.pipeline())
            .append(": ")
            .append(report.candidate())
            .append(" against ")
            .append(report.baseline())
            .append(" (active) over ")
            .append(report.events())
            .append(" events\n\n");
    Table counts = Table.withHeaders("KIND", "NAME", "COUNT", "BEFORE", "AFTER", "DELTA");
    for (BacktestReport.Count count : report.counts()) {
      counts.row(
          count.kind(),
          count.name(),
          count.measure(),
          count.before(),
          count.after(),
          signed(count.delta()));
    }
    out.append(counts.render());
    out.append('\n')
        .append(report.changed())
        .append(" of ")
        .append(report.events())
        .append(" events decided differently");
    if (report.changedEvents().isEmpty()) {
      out.append('\n');
    } else {
      out.append(
              report.changedEvents().size() < report.changed()
                  ? " (the first " + report.changedEvents().size() + "):\n"
                  : ":\n")
          .append('\n');
      Table changed = Table.withHeaders("EVENT", "BEFORE", "AFTER");
      report.changedEvents().forEach(e -> changed.row(e.id(), e.before(), e.after()));
      out.append(changed.render());
    }
    for (BacktestReport.NotReplayable flag : report.notReplayable()) {
      out.append("\nwarning: ")
          .append(flag.kind())
          .append(' ')
          .append(flag.name())
          .append(" reads ")
          .append(String.join(", ", flag.fields()))
          .append(", stored only redacted: not replayable from stored data (")
          .append(flag.events())
          .append(" events held a value); its counts above were computed on redacted values");
    }
    if (!report.notReplayable().isEmpty()) {
      out.append('\n');
    }
    return out.toString();
  }

  static String signed(long delta) {
    return delta > 0 ? "+" + delta : Long.toString(delta);
  }
}
