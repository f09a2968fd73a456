package dev.ben.benctl.remote;

import dev.ben.benctl.command.CommandFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import java.util.function.Function;

/**
 * gRPC statuses as exit codes, in one place: unreachable (3) for a server that is down or too slow,
 * not authenticated (5) for UNAUTHENTICATED, refused (1) for everything else the server answered
 * with a reason, PERMISSION_DENIED included. A TLS mismatch is unreachable too, with what to pass
 * ({@link TlsFailures}).
 */
final class StatusFailures {

  private final String address;
  private final Transport transport;
  private final String api;
  private final Function<StatusRuntimeException, String> unauthenticated;

  /**
   * @param api which API was called, for a server that does not serve it
   * @param unauthenticated the message for an UNAUTHENTICATED answer
   */
  StatusFailures(
      String address,
      Transport transport,
      String api,
      Function<StatusRuntimeException, String> unauthenticated) {
    this.address = address;
    this.transport = transport;
    this.api = api;
    this.unauthenticated = unauthenticated;
  }

  /** The server's reason, or the status code when it gave none. */
  static String detail(Status status) {
    return status.getDescription() == null ? status.getCode().name() : status.getDescription();
  }

  CommandFailure translate(Throwable cause) {
    if (!(cause instanceof StatusRuntimeException grpc)) {
      return CommandFailure.unreachable("cannot talk to " + address + ": " + cause, cause);
    }
    Optional<String> tlsMismatch = TlsFailures.explain(grpc, address, transport);
    if (tlsMismatch.isPresent()) {
      return CommandFailure.unreachable(tlsMismatch.get(), grpc);
    }
    Status status = grpc.getStatus();
    String detail = detail(status);
    switch (status.getCode()) {
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return CommandFailure.unreachable(
            "cannot reach the Ben server at "
                + address
                + " ("
                + detail
                + rootCause(grpc)
                + "); start one with `./ben demo` or point --server / BEN_SERVER at it",
            grpc);
      case UNIMPLEMENTED:
        return CommandFailure.unreachable(
            address
                + " does not serve the "
                + api
                + " API; is it a Ben node with the orchestrator role?",
            grpc);
      case UNAUTHENTICATED:
        return CommandFailure.notAuthenticated(unauthenticated.apply(grpc), grpc);
      default:
        return CommandFailure.refused(detail, grpc);
    }
  }

  /**
   * gRPC says "io exception"; the innermost cause says what happened (connection refused, unknown
   * host).
   */
  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure || root.getMessage() == null ? "" : ": " + root.getMessage();
  }
}
