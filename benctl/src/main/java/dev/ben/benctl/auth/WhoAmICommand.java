package dev.ben.benctl.auth;

import dev.ben.api.control.Identity;
import dev.ben.api.control.WhoAmIRequest;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.benctl.out.Table;
import dev.ben.benctl.remote.ControlConnection;
import dev.ben.benctl.remote.CredentialOptions;
import dev.ben.benctl.remote.ServerOptions;
import dev.ben.benctl.remote.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code benctl whoami}: who the server takes the token for, with role and expiry. */
@Command(
    name = "whoami",
    mixinStandardHelpOptions = true,
    description = "Show who the server takes the token for: user, role and when the token expires.")
public final class WhoAmICommand extends Subcommand {

  @Mixin private ServerOptions server;

  @Mixin private CredentialOptions credentials;

  @Mixin private OutputOptions output;

  @Override
  protected int run() {
    Target target = credentials.target(server, environment());
    Identity identity =
        ControlConnection.auth(
            target, server.timeout(), c -> c.whoAmI(), WhoAmIRequest.getDefaultInstance());
    String context = target.context() == null ? null : target.context().name();
    if (output.json()) {
      var json =
          Json.object()
              .put("user", identity.getUser())
              .put("role", Identities.role(identity))
              .put("expires_at", Identities.expiry(identity))
              .put("server", target.address());
      json.put("context", context);
      out().print(Json.render(json));
    } else {
      out()
          .print(
              Table.fields()
                  .row("user", identity.getUser())
                  .row("role", Identities.role(identity))
                  .row("expires", Identities.expiry(identity))
                  .row("server", target.address())
                  .row("context", context)
                  .render());
    }
    return ExitCode.OK;
  }
}
