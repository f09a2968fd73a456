package dev.ben.benctl.deploy;

import dev.ben.api.control.LedgerServiceClient;
import dev.ben.benctl.remote.ControlCall;
import dev.ben.benctl.remote.ControlConnection;
import java.util.function.Function;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;

/**
 * Base of the commands that talk to the ledger: server, credential and output options. The server
 * records who asked from the token, so requests carry no source of their own.
 */
abstract class RemoteCommand extends ControlCall {

  /** Calls a ledger method, e.g. {@code call(c -> c.deploy(), request)}. */
  protected <Q, R> R call(
      Function<LedgerServiceClient, SingleResponseRequestBuilder<Q, R>> method, Q request) {
    return ControlConnection.ledger(target(), timeout(), method, request);
  }
}
