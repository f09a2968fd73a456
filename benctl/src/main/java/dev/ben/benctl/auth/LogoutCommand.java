package dev.ben.benctl.auth;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.ConfigFile;
import dev.ben.benctl.config.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benctl logout}: forgets a context's token. The server is not asked; the token stays valid
 * there until it expires.
 */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description =
        "Forget the token of a context (the current one by default). The context itself, its server "
            + "and user stay, for the next `benctl login`.")
public final class LogoutCommand extends Subcommand {

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The context to log out of (default: the current one).")
  private String contextName;

  @Override
  protected int run() {
    ConfigFile file = ConfigFile.of(environment());
    BenctlConfig config = file.load();
    Context context =
        contextName != null
            ? config.require(contextName)
            : config
                .current()
                .orElseThrow(
                    () ->
                        CommandFailure.refused(
                            "no current context to log out of; name one with --context (the "
                                + "contexts are "
                                + config.names()
                                + ")"));
    if (context.token() == null) {
      out().println("Context '" + context.name() + "' holds no token; nothing to forget.");
      return ExitCode.OK;
    }
    file.save(config.with(context.loggedOut()));
    out().println("Logged out of " + context.server() + " (context '" + context.name() + "').");
    return ExitCode.OK;
  }
}
