package dev.ben.benctl.auth;

import dev.ben.api.control.Identity;
import dev.ben.api.control.LoginReply;
import dev.ben.api.control.LoginRequest;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.config.BenctlConfig;
import dev.ben.benctl.config.ConfigFile;
import dev.ben.benctl.config.Context;
import dev.ben.benctl.remote.ControlConnection;
import dev.ben.benctl.remote.ServerOptions;
import dev.ben.benctl.remote.TargetSelection;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code benctl login}: exchanges a password for a token and keeps the token in a context, which
 * becomes current. The password is sent once and never printed or stored.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in to a Ben cluster and remember the token in a context, which becomes the current one.",
      "Without --password-stdin the password is asked for on the terminal, without echo.",
      "Without --server and --context, logs in again where the current context points."
    })
public final class LoginCommand extends Subcommand {

  @Mixin private ServerOptions server;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Who logs in (default: the user who last logged in with the context).")
  private String user;

  @Option(
      names = "--password-stdin",
      description = "Read the password from standard input instead of prompting for it.")
  private boolean passwordStdin;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description =
          "The context to keep the token in, created if new (default: the current context when it "
              + "is for this server, else one named after the server address).")
  private String contextName;

  @Override
  protected int run() {
    ConfigFile file = ConfigFile.of(environment());
    BenctlConfig config = file.load();
    Optional<Context> named = contextName == null ? config.current() : config.context(contextName);
    String address =
        new TargetSelection(environment(), () -> config).server(server.server(), named);
    String name =
        contextName != null
            ? contextName
            : named.filter(c -> c.server().equals(address)).map(Context::name).orElse(address);
    Context context = config.context(name).orElse(Context.of(name, address));
    String who = user != null ? user : context.user();
    if (who == null || who.isBlank()) {
      throw CommandFailure.usage("who is logging in to " + address + "? Pass --user NAME");
    }
    String password = Passwords.read(environment(), passwordStdin, who, address);
    LoginReply reply =
        ControlConnection.login(
            address,
            server.timeout(),
            LoginRequest.newBuilder().setUser(who).setPassword(password).build());
    Identity identity = reply.getIdentity();
    String loggedIn = identity.getUser().isEmpty() ? who : identity.getUser();
    Instant expires =
        identity.getExpiresAtMillis() == 0
            ? null
            : Instant.ofEpochMilli(identity.getExpiresAtMillis());
    file.save(
        config
            .with(context.loggedIn(address, loggedIn, reply.getToken(), expires))
            .withCurrent(name));
    out().println(Identities.loggedIn(address, identity, loggedIn, expires, name));
    return ExitCode.OK;
  }
}
