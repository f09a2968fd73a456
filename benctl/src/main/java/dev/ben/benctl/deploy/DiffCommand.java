package dev.ben.benctl.deploy;

import dev.ben.api.control.DiffReply;
import dev.ben.api.control.DiffRequest;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl diff PIPELINE [FROM [TO]]}: what changed between two versions, artifact by
 * artifact, with the changed lines of each source file the bundles carry.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of a pipeline artifact by artifact (added, removed, changed, same),"
          + " then show each changed source file's lines as a unified diff.",
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
    out().print(output.json() ? Json.render(DiffView.json(diff)) : DiffView.text(diff));
    return ExitCode.OK;
  }
}
