package dev.ben.benctl.remote;

import dev.ben.benctl.command.CommandFailure;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --server}, {@code --ca}, {@code --tls} and {@code --timeout}: which cluster a command
 * talks to, whether over TLS, and how long it waits for it. {@link TargetSelection} weighs these
 * against the environment and the context.
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
      names = "--ca",
      paramLabel = "FILE",
      description =
          "Speak TLS and trust only the CA certificate (PEM) in FILE (default: $"
              + TargetSelection.CA_ENV
              + ", else the context's CA when its server is the one in use).")
  private String ca;

  @Option(
      names = "--tls",
      description =
          "Speak TLS trusting the JVM's default trust store, for a server with a publicly trusted"
              + " certificate (also $"
              + TargetSelection.TLS_ENV
              + "=true). A CA from --ca, $"
              + TargetSelection.CA_ENV
              + " or the context wins; with neither, benctl speaks cleartext.")
  private boolean tls;

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

  /** The CA file given with {@code --ca}; null when the option is absent. */
  public String ca() {
    return ca;
  }

  /** Whether {@code --tls} was given. */
  public boolean tls() {
    return tls;
  }

  public Duration timeout() {
    if (timeoutSeconds <= 0) {
      throw CommandFailure.usage(
          "--timeout must be a positive number of seconds, got " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }
}
