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
import dev.ben.benctl.remote.CaTrust;
import dev.ben.benctl.remote.ControlConnection;
import dev.ben.benctl.remote.ServerOptions;
import dev.ben.benctl.remote.TargetSelection;
import dev.ben.benctl.remote.Transport;
import java.nio.file.Path;
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
      "Without --server and --context, logs in again where the current context points.",
      "With --ca FILE the context also keeps FILE (absolute) as the CA to trust from then on."
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
    var selection = new TargetSelection(environment(), () -> config);
    String address = selection.server(server.server(), named);
    String name =
        contextName != null
            ? contextName
            : named.filter(c -> c.server().equals(address)).map(Context::name).orElse(address);
    Context known = config.context(name).orElse(Context.of(name, address));
    // A CA kept for another server would not be this one's: a move without --ca drops it.
    Context context =
        server.ca() != null
            ? known.withCa(absolute(server.ca()))
            : known.server().equals(address) ? known : known.withCa(null);
    String who = user != null ? user : context.user();
    if (who == null || who.isBlank()) {
      throw CommandFailure.usage("who is logging in to " + address + "? Pass --user NAME");
    }
    Transport transport =
        selection.transport(
            server.ca(), server.tls(), context.server().equals(address) ? context : null);
    if (transport.ca() != null) {
      // An unusable CA file is refused before anyone types a password for nothing.
      CaTrust.sslContext(transport.ca());
    }
    String password = Passwords.read(environment(), passwordStdin, who, address);
    LoginReply reply =
        ControlConnection.login(
            address,
            transport,
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

  /** The CA as the context keeps it: absolute, so later commands find it from any directory. */
  private static String absolute(String ca) {
    return Path.of(ca).toAbsolutePath().normalize().toString();
  }
}
