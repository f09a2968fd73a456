package dev.ben.benctl.remote;

import dev.ben.benctl.command.CommandFailure;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --server} and {@code --timeout}: which cluster a command talks to and how long it waits
 * for it. {@link TargetSelection} weighs {@code --server} against the environment and the context.
 */
public final class ServerOptions {

  @Option(
      names = "--server",
      paramLabel = "HOST:PORT",
      description =
          "The Ben cluster's gRPC address (default: $"
              + TargetSelection.SERVER_ENV
              + ", else the context's server, else "
              + TargetSelection.DEFAULT_SERVER
              + ").")
  private String server;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Give up on the server after this many seconds (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  /** The address given with {@code --server}; null when the option is absent. */
  public String server() {
    return server;
  }

  public Duration timeout() {
    if (timeoutSeconds <= 0) {
      throw CommandFailure.usage(
          "--timeout must be a positive number of seconds, got " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }
}
