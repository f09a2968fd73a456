package dev.ben.benctl.deploy;

import dev.ben.api.control.LedgerServiceClient;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.benctl.remote.ControlConnection;
import dev.ben.benctl.remote.CredentialOptions;
import dev.ben.benctl.remote.ServerOptions;
import java.util.function.Function;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;
import picocli.CommandLine.Mixin;

/**
 * Base of the commands that talk to the ledger: server, credential and output options. The server
 * records who asked from the token, so requests carry no source of their own.
 */
abstract class RemoteCommand extends Subcommand {

  @Mixin private ServerOptions server;

  @Mixin private CredentialOptions credentials;

  @Mixin protected OutputOptions output;

  /** Calls a ledger method, e.g. {@code call(c -> c.deploy(), request)}. */
  protected <Q, R> R call(
      Function<LedgerServiceClient, SingleResponseRequestBuilder<Q, R>> method, Q request) {
    return ControlConnection.ledger(
        credentials.target(server, environment()), server.timeout(), method, request);
  }
}
