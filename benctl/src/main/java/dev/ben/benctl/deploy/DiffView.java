package dev.ben.benctl.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.control.ArtifactChange;
import dev.ben.api.control.DiffHunk;
import dev.ben.api.control.DiffLine;
import dev.ben.api.control.DiffReply;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;

/**
 * How {@code benctl diff} shows the ledger's answer: a table of artifacts, then the changed lines
 * of every changed source file as a unified diff (what a reviewer reads in {@code git diff}); or
 * all of it as JSON.
 */
final class DiffView {

  private DiffView() {}

  static String text(DiffReply diff) {
    var text =
        new StringBuilder(diff.getPipeline())
            .append(": v")
            .append(diff.getFromVersion())
            .append(" → v")
            .append(diff.getToVersion())
            .append('\n');
    var table = Table.withHeaders("CHANGE", "KIND", "NAME", "FROM", "TO");
    for (ArtifactChange c : diff.getChangesList()) {
      table.row(
          c.getChange().toLowerCase(),
          c.getKind(),
          c.getName(),
          StatusView.shortFingerprint(c.getFromFingerprint()),
          StatusView.shortFingerprint(c.getToFingerprint()));
    }
    text.append(table.render());
    for (ArtifactChange c : diff.getChangesList()) {
      if (c.getHunksCount() > 0) {
        text.append('\n');
        appendUnified(text, diff, c);
      }
    }
    return text.toString();
  }

  private static void appendUnified(StringBuilder text, DiffReply diff, ArtifactChange change) {
    text.append("--- v")
        .append(diff.getFromVersion())
        .append('/')
        .append(change.getName())
        .append('\n')
        .append("+++ v")
        .append(diff.getToVersion())
        .append('/')
        .append(change.getName())
        .append('\n');
    for (DiffHunk hunk : change.getHunksList()) {
      text.append("@@ -")
          .append(hunk.getFromLine())
          .append(',')
          .append(hunk.getFromCount())
          .append(" +")
          .append(hunk.getToLine())
          .append(',')
          .append(hunk.getToCount())
          .append(" @@\n");
      for (DiffLine line : hunk.getLinesList()) {
        text.append(line.getOp()).append(line.getText()).append('\n');
      }
    }
  }

  static ObjectNode json(DiffReply diff) {
    var json =
        Json.object()
            .put("pipeline", diff.getPipeline())
            .put("from_version", diff.getFromVersion())
            .put("to_version", diff.getToVersion());
    var changes = json.putArray("changes");
    for (ArtifactChange c : diff.getChangesList()) {
      var change =
          changes
              .addObject()
              .put("kind", c.getKind())
              .put("name", c.getName())
              .put("change", c.getChange())
              .put("from", c.getFromFingerprint())
              .put("to", c.getToFingerprint());
      var hunks = change.putArray("hunks");
      for (DiffHunk hunk : c.getHunksList()) {
        var entry =
            hunks
                .addObject()
                .put("from_line", hunk.getFromLine())
                .put("from_count", hunk.getFromCount())
                .put("to_line", hunk.getToLine())
                .put("to_count", hunk.getToCount());
        var lines = entry.putArray("lines");
        hunk.getLinesList()
            .forEach(line -> lines.addObject().put("op", line.getOp()).put("text", line.getText()));
      }
    }
    return json;
  }
}
