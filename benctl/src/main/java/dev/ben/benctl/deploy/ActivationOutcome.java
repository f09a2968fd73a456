package dev.ben.benctl.deploy;

import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionState;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import java.io.PrintWriter;

/**
 * Prints the status after a deploy or rollback and turns the activation's state into the exit code.
 */
final class ActivationOutcome {

  private ActivationOutcome() {}

  static int report(PipelineStatus status, boolean json, PrintWriter out, PrintWriter err) {
    out.print(json ? Json.render(StatusView.json(status)) : StatusView.text(status));
    VersionState state = status.getActivationState();
    if (state == VersionState.FAILED) {
      err.println(
          "benctl: activation of "
              + status.getPipeline()
              + " v"
              + status.getActivatingVersion()
              + " failed: "
              + status.getActivationDetail()
              + "; v"
              + status.getActiveVersion()
              + " keeps running where it was not replaced");
      return ExitCode.REFUSED;
    }
    if (state == VersionState.ACTIVATING) {
      err.println(
          "benctl: still activating; follow it with `benctl status " + status.getPipeline() + "`");
    }
    return ExitCode.OK;
  }
}
