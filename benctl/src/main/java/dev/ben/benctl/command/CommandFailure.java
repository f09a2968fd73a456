package dev.ben.benctl.command;

/**
 * A command could not do what was asked, for a reason the user can act on. Thrown from command code
 * and turned into a message on stderr and an exit code in one place, benctl's entry point ({@code
 * dev.ben.benctl.Benctl}).
 */
public final class CommandFailure extends RuntimeException {

  private final int exitCode;

  private CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Input refused or invalid: exit code {@link ExitCode#REFUSED}. */
  public static CommandFailure refused(String message) {
    return new CommandFailure(ExitCode.REFUSED, message, null);
  }

  /** Input refused or invalid, keeping the underlying cause for debugging. */
  public static CommandFailure refused(String message, Throwable cause) {
    return new CommandFailure(ExitCode.REFUSED, message, cause);
  }

  /** The command line cannot work as given: exit code {@link ExitCode#USAGE}. */
  public static CommandFailure usage(String message) {
    return new CommandFailure(ExitCode.USAGE, message, null);
  }

  /** The server could not be reached: exit code {@link ExitCode#UNREACHABLE}. */
  public static CommandFailure unreachable(String message, Throwable cause) {
    return new CommandFailure(ExitCode.UNREACHABLE, message, cause);
  }

  /**
   * No token, or the server refused it: exit code {@link ExitCode#NOT_AUTHENTICATED}. The message
   * says which {@code benctl login} fixes it.
   */
  public static CommandFailure notAuthenticated(String message, Throwable cause) {
    return new CommandFailure(ExitCode.NOT_AUTHENTICATED, message, cause);
  }

  public int exitCode() {
    return exitCode;
  }
}
