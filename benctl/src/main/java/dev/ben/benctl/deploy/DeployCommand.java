package dev.ben.benctl.deploy;

import dev.ben.api.control.DeployRequest;
import dev.ben.api.control.PipelineStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl deploy PIPELINE [--version V]}: activates a staged version on every component that
 * runs it.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Activate a staged version of a pipeline (the newest by default). The version becomes active "
          + "only when every component running the pipeline has swapped to it and acknowledged; until then the "
          + "previous version keeps running. Waits for the outcome (see --wait) and prints the status.",
      "Exits 0 when the version is active (or still activating after --wait), 1 when it failed or was refused."
    })
public final class DeployCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline to deploy.")
  private String pipeline;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "The staged version (default: the newest).")
  private long version;

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
            client -> client.deploy(),
            DeployRequest.newBuilder()
                .setPipeline(pipeline)
                .setVersion(version)
                .setWaitMillis(waitSeconds * 1000)
                .build());
    return ActivationOutcome.report(status, output.json(), out(), err());
  }
}
