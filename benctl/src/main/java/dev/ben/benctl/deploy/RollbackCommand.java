package dev.ben.benctl.deploy;

import dev.ben.api.control.DeployRequest;
import dev.ben.api.control.PipelineStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl rollback PIPELINE}: activates the version that was active before the current one.
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Activate the version that was active before the current one. This is a new activation "
          + "through the same protocol as deploy (every component swaps and acknowledges), not an undo."
    })
public final class RollbackCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline to roll back.")
  private String pipeline;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description =
          "How long to wait for the activation to finish (default: ${DEFAULT-VALUE}; 0: do not wait).")
  private long waitSeconds;

  @Override
  protected int run() {
    PipelineStatus status =
        call(
            client -> client.rollback(),
            DeployRequest.newBuilder()
                .setPipeline(pipeline)
                .setWaitMillis(waitSeconds * 1000)
                .build());
    return ActivationOutcome.report(status, output.json(), out(), err());
  }
}
