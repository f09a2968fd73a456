package dev.ben.benctl;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code benctl} entry point: the top-level command and its subcommands. */
@Command(
    name = "benctl",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {CheckCommand.class},
    description = "Operate Ben: compile, test, sign and deploy contracts, and inspect a running cluster.",
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  refused: invalid input, failed verification, or refused by the server",
        "  2  usage error",
        "  3  the cluster could not be reached (--server or BEN_SERVER)",
        "  4  internal error"})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs benctl with the given streams and returns its exit code; the single place exit codes come from. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL)
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          commandLine.getErr().println("benctl: internal error: " + e);
          return ExitCodes.INTERNAL;
        });
    cli.setParameterExceptionHandler((e, args1) -> {
      e.getCommandLine().getErr().println("benctl: " + e.getMessage());
      e.getCommandLine().getErr().println("Run `" + e.getCommandLine().getCommandSpec().qualifiedName()
          + " --help` for usage.");
      return ExitCodes.USAGE;
    });
    return cli.execute(args);
  }

  public static void main(String[] args) {
    int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    System.exit(code);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar manifest when packaged, else the development version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"benctl " + (version == null ? "0.1.0-SNAPSHOT" : version),
          "Java " + System.getProperty("java.version")};
    }
  }
}
