package dev.ben.benctl.remote;

import dev.ben.benctl.command.Environment;
import dev.ben.benctl.config.ConfigFile;
import picocli.CommandLine.Option;

/**
 * {@code --context} and {@code --token}: which configured context a remote command uses and a token
 * that overrides the context's. {@link TargetSelection} decides what wins.
 */
public final class CredentialOptions {

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The context to use (default: the current one; see `benctl context list`).")
  private String context;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "The bearer token to present (default: $"
              + TargetSelection.TOKEN_ENV
              + ", else the context's, from `benctl login`).")
  private String token;

  /**
   * The server, token and transport these options, {@code server} and {@code environment} select.
   */
  public Target target(ServerOptions server, Environment environment) {
    var file = ConfigFile.of(environment);
    return new TargetSelection(environment, file::load)
        .select(server.server(), context, token, server.ca(), server.tls());
  }

  /** The context given with {@code --context}; null when the option is absent. */
  public String context() {
    return context;
  }

  /** The token given with {@code --token}; null when the option is absent. */
  public String token() {
    return token;
  }
}
