package dev.ben.benctl.deploy;

import dev.ben.api.control.LifecycleAction;
import dev.ben.api.control.LifecycleRequest;
import dev.ben.api.control.PipelineStatus;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The pipeline lifecycle verbs: pause, resume, archive and delete, each its own command. */
public abstract class LifecycleCommand extends RemoteCommand {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
  private String pipeline;

  protected abstract LifecycleAction action();

  /**
   * Refuses when the verb destroys something the user has not confirmed; most verbs need no
   * confirmation.
   */
  protected void requireConfirmation(String pipeline) {}

  @Override
  protected int run() {
    requireConfirmation(pipeline);
    PipelineStatus status =
        call(
            client -> client.changeLifecycle(),
            LifecycleRequest.newBuilder().setPipeline(pipeline).setAction(action()).build());
    out().print(output.json() ? Json.render(StatusView.json(status)) : StatusView.text(status));
    return ExitCode.OK;
  }

  /** {@code benctl pause PIPELINE}. */
  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description =
          "Stop a pipeline's components but keep their state; `resume` starts them again.")
  public static final class Pause extends LifecycleCommand {
    @Override
    protected LifecycleAction action() {
      return LifecycleAction.PAUSE;
    }
  }

  /** {@code benctl resume PIPELINE}. */
  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Publish a paused (or archived) pipeline again, so its active version runs.")
  public static final class Resume extends LifecycleCommand {
    @Override
    protected LifecycleAction action() {
      return LifecycleAction.RESUME;
    }
  }

  /** {@code benctl archive PIPELINE}. */
  @Command(
      name = "archive",
      mixinStandardHelpOptions = true,
      description =
          "Tear a pipeline's components down; its versions and history stay in the ledger.")
  public static final class Archive extends LifecycleCommand {
    @Override
    protected LifecycleAction action() {
      return LifecycleAction.ARCHIVE;
    }
  }

  /** {@code benctl delete PIPELINE --yes}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description =
          "Destroy a pipeline: tear its components down and remove its header (history is kept).")
  public static final class Delete extends LifecycleCommand {
    @Option(names = "--yes", description = "Confirm the deletion.")
    private boolean yes;

    @Override
    protected LifecycleAction action() {
      return LifecycleAction.DELETE;
    }

    @Override
    protected void requireConfirmation(String pipeline) {
      if (!yes) {
        throw CommandFailure.usage(
            "delete destroys pipeline '"
                + pipeline
                + "' and its running state; repeat "
                + "with --yes to confirm");
      }
    }
  }
}
