package dev.ben.benctl.deploy;

import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionRef;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code benctl unstage PIPELINE VERSION}: withdraws a staged version before it is deployed. */
@Command(
    name = "unstage",
    mixinStandardHelpOptions = true,
    description =
        "Withdraw a staged version so it cannot be deployed. Its record stays: versions are never "
            + "rewritten or reused.")
public final class UnstageCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
  private String pipeline;

  @Parameters(index = "1", paramLabel = "VERSION", description = "The staged version to withdraw.")
  private long version;

  @Override
  protected int run() {
    VersionInfo info =
        call(
            client -> client.unstage(),
            VersionRef.newBuilder().setPipeline(pipeline).setVersion(version).build());
    out()
        .print(
            output.json()
                ? Json.render(StatusView.version(info))
                : pipeline
                    + " v"
                    + info.getVersion()
                    + " is now "
                    + info.getState().name().toLowerCase()
                    + "\n");
    return ExitCode.OK;
  }
}
