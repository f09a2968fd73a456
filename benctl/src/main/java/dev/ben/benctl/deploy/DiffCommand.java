package dev.ben.benctl.deploy;

import dev.ben.api.control.ArtifactChange;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.DiffRequest;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl diff PIPELINE [FROM [TO]]}: what changed between two versions, artifact by
 * artifact.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of a pipeline artifact by artifact (added, removed, changed, same).",
      "Without versions: the active version against the newest staged one."
    })
public final class DiffCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
  private String pipeline;

  @Parameters(index = "1", arity = "0..1", paramLabel = "FROM", description = "The older version.")
  private long from;

  @Parameters(index = "2", arity = "0..1", paramLabel = "TO", description = "The newer version.")
  private long to;

  @Override
  protected int run() {
    if ((from == 0) != (to == 0)) {
      throw CommandFailure.usage(
          "name both versions to compare (`benctl diff "
              + pipeline
              + " FROM TO`), or "
              + "neither to compare the active version with the newest staged one");
    }
    DiffReply diff =
        call(
            client -> client.diff(),
            DiffRequest.newBuilder()
                .setPipeline(pipeline)
                .setFromVersion(from)
                .setToVersion(to)
                .build());
    if (output.json()) {
      var json =
          Json.object()
              .put("pipeline", diff.getPipeline())
              .put("from_version", diff.getFromVersion())
              .put("to_version", diff.getToVersion());
      var changes = json.putArray("changes");
      for (ArtifactChange c : diff.getChangesList()) {
        changes
            .addObject()
            .put("kind", c.getKind())
            .put("name", c.getName())
            .put("change", c.getChange())
            .put("from", c.getFromFingerprint())
            .put("to", c.getToFingerprint());
      }
      out().print(Json.render(json));
      return ExitCode.OK;
    }
    out()
        .println(diff.getPipeline() + ": v" + diff.getFromVersion() + " → v" + diff.getToVersion());
    var table = Table.withHeaders("CHANGE", "KIND", "NAME", "FROM", "TO");
    for (ArtifactChange c : diff.getChangesList()) {
      table.row(
          c.getChange().toLowerCase(),
          c.getKind(),
          c.getName(),
          StatusView.shortFingerprint(c.getFromFingerprint()),
          StatusView.shortFingerprint(c.getToFingerprint()));
    }
    out().print(table.render());
    return ExitCode.OK;
  }
}
