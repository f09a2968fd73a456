package dev.ben.benctl.command;

/**
 * A command that only groups subcommands ({@code benctl apps}, {@code benctl users}, ...): called
 * without one, it says so and shows its usage.
 */
public abstract class CommandGroup extends Subcommand {

  @Override
  protected final int run() {
    err().println(spec().qualifiedName() + ": no command given; choose one of:");
    spec().commandLine().usage(err());
    return ExitCode.USAGE;
  }
}
