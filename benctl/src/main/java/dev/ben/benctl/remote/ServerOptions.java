package dev.ben.benctl.remote;

import dev.ben.benctl.command.CommandFailure;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --server} and {@code --timeout}: which cluster a command talks to and how long it waits
 * for it.
 */
public final class ServerOptions {

  /** Where the ledger's gRPC API listens unless told otherwise. */
  public static final String DEFAULT_SERVER = "127.0.0.1:7070";

  static final String ENV = "BEN_SERVER";

  @Option(
      names = "--server",
      paramLabel = "HOST:PORT",
      description =
          "The Ben cluster's gRPC address (default: $" + ENV + ", else " + DEFAULT_SERVER + ").")
  private String server;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Give up on the server after this many seconds (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  /** The address to use: the option, else the environment, else the default. */
  public String address() {
    if (server != null) {
      return server;
    }
    String fromEnv = System.getenv(ENV);
    return fromEnv == null || fromEnv.isBlank() ? DEFAULT_SERVER : fromEnv.strip();
  }

  public Duration timeout() {
    if (timeoutSeconds <= 0) {
      throw CommandFailure.usage(
          "--timeout must be a positive number of seconds, got " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  /** The host of {@link #address()}; refuses an address without a port. */
  String host() {
    return split()[0];
  }

  int port() {
    try {
      int port = Integer.parseInt(split()[1]);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the whole address
    }
    throw CommandFailure.usage(
        "the server address '"
            + address()
            + "' has no valid port; use HOST:PORT, e.g. "
            + DEFAULT_SERVER);
  }

  private String[] split() {
    String address = address();
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw CommandFailure.usage(
          "the server address '"
              + address
              + "' is not HOST:PORT (e.g. "
              + DEFAULT_SERVER
              + "); set it with --server or "
              + ENV);
    }
    return new String[] {address.substring(0, colon), address.substring(colon + 1)};
  }
}
