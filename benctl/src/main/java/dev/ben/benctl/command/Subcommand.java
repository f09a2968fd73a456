package dev.ben.benctl.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every benctl command: data goes to {@link #out()}, messages to {@link #err()}, both the
 * writers the command line was given, so tests capture them. Return an {@link ExitCode}; throw
 * {@link CommandFailure} for refusals.
 */
public abstract class Subcommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private Environment environment;

  /** This command's model, for usage text and the command line it runs in. */
  protected CommandSpec spec() {
    return spec;
  }

  /** Where data goes (stdout). */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Where errors and notices go (stderr). */
  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * The environment benctl runs in, as given to the top-level command: the process's own unless a
   * test gave another.
   */
  protected Environment environment() {
    if (spec.root().userObject() instanceof Subcommand root && root.environment != null) {
      return root.environment;
    }
    return Environment.system();
  }

  /** Sets the environment; called on the top-level command, which every command asks. */
  protected final void useEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public final Integer call() {
    int code = run();
    out().flush();
    err().flush();
    return code;
  }

  /** Does the command's work and returns its exit code. */
  protected abstract int run();
}
