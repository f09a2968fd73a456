package dev.ben.benctl.remote;

import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.OutputOptions;
import java.time.Duration;
import picocli.CommandLine.Mixin;

/**
 * Base of every command that calls the control API: where it goes (server, transport), with which
 * credentials, how long it waits, and how it prints. Each service's base adds its one typed call.
 */
public abstract class ControlCall extends Subcommand {

  @Mixin private ServerOptions server;

  @Mixin private CredentialOptions credentials;

  @Mixin protected OutputOptions output;

  /** The server, transport and token this call uses. */
  protected Target target() {
    return credentials.target(server, environment());
  }

  /** How long the call may wait for the server. */
  protected Duration timeout() {
    return server.timeout();
  }
}
