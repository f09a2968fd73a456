package dev.ben.benctl;

import dev.ben.benctl.apps.AppsCommand;
import dev.ben.benctl.auth.ContextCommand;
import dev.ben.benctl.auth.LoginCommand;
import dev.ben.benctl.auth.LogoutCommand;
import dev.ben.benctl.auth.WhoAmICommand;
import dev.ben.benctl.backtest.BacktestCommand;
import dev.ben.benctl.build.BuildCommand;
import dev.ben.benctl.bundle.InspectCommand;
import dev.ben.benctl.bundle.VerifyCommand;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.deploy.DeployCommand;
import dev.ben.benctl.deploy.DiffCommand;
import dev.ben.benctl.deploy.LifecycleCommand;
import dev.ben.benctl.deploy.PipelinesCommand;
import dev.ben.benctl.deploy.RollbackCommand;
import dev.ben.benctl.deploy.StageCommand;
import dev.ben.benctl.deploy.StatusCommand;
import dev.ben.benctl.deploy.UnstageCommand;
import dev.ben.benctl.events.EventsCommand;
import dev.ben.benctl.fmt.FmtCommand;
import dev.ben.benctl.init.InitCommand;
import dev.ben.benctl.keys.KeygenCommand;
import dev.ben.benctl.testrun.TestCommand;
import dev.ben.benctl.trust.TrustCommand;
import dev.ben.benctl.users.UsersCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The top-level {@code benctl} command. Adding a command means writing one {@link Subcommand} class
 * and listing it in {@code subcommands} below; help, version, exit codes and error reporting come
 * from here.
 */
@Command(
    name = "benctl",
    mixinStandardHelpOptions = true,
    versionProvider = BenctlVersion.class,
    description = "Build, sign, verify and deploy Ben contracts.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      InitCommand.class,
      CheckCommand.class,
      FmtCommand.class,
      BuildCommand.class,
      TestCommand.class,
      CommandLine.HelpCommand.class,
      KeygenCommand.class,
      VerifyCommand.class,
      InspectCommand.class,
      StageCommand.class,
      UnstageCommand.class,
      DeployCommand.class,
      RollbackCommand.class,
      StatusCommand.class,
      DiffCommand.class,
      PipelinesCommand.class,
      BacktestCommand.class,
      LifecycleCommand.Pause.class,
      LifecycleCommand.Resume.class,
      LifecycleCommand.Archive.class,
      LifecycleCommand.Delete.class,
      LoginCommand.class,
      LogoutCommand.class,
      WhoAmICommand.class,
      ContextCommand.class,
      AppsCommand.class,
      UsersCommand.class,
      TrustCommand.class,
      EventsCommand.class,
    })
public final class Benctl extends Subcommand {

  private static final String PREFIX = "benctl: ";

  private Benctl(Environment environment) {
    useEnvironment(environment);
  }

  /**
   * A ready command line whose output goes to {@code out} and messages to {@code err}, reading
   * variables, standard input and the terminal from {@code environment}.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment) {
    var commandLine = new CommandLine(new Benctl(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Benctl::onFailure);
    commandLine.setParameterExceptionHandler(Benctl::onUsageError);
    documentExitCodes(commandLine);
    return commandLine;
  }

  @Override
  protected int run() {
    err().println(PREFIX + "no command given; choose one of:");
    spec().commandLine().usage(err());
    return ExitCode.USAGE;
  }

  private static void documentExitCodes(CommandLine commandLine) {
    commandLine
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.descriptions());
    commandLine.getSubcommands().values().forEach(Benctl::documentExitCodes);
  }

  private static int onFailure(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    if (exception instanceof CommandFailure failure) {
      err.println(PREFIX + failure.getMessage());
      err.flush();
      return failure.exitCode();
    }
    err.println(PREFIX + "internal error: " + exception);
    err.println(
        "This is a bug in benctl "
            + BenctlVersion.current()
            + "; please report it with the command you ran and this trace:");
    exception.printStackTrace(err);
    err.flush();
    return ExitCode.INTERNAL;
  }

  private static int onUsageError(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(PREFIX + exception.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }
}
