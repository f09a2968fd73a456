package dev.ben.benctl.deploy;

import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.StatusRequest;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl status PIPELINE}: versions, the activation under way, and what each component runs.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show a pipeline's lifecycle, its active, activating and staged versions, and for each "
          + "component which version it runs and whether it acknowledged the latest activation."
    })
public final class StatusCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
  private String pipeline;

  @Option(
      names = "--history",
      description =
          "Also list every recorded event of the pipeline: stages, deploys, "
              + "acks, activations, failures and rollbacks.")
  private boolean history;

  @Override
  protected int run() {
    PipelineStatus status =
        call(
            client -> client.status(),
            StatusRequest.newBuilder().setPipeline(pipeline).setHistory(history).build());
    out().print(output.json() ? Json.render(StatusView.json(status)) : StatusView.text(status));
    return ExitCode.OK;
  }
}
