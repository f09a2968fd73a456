package dev.ben.actors.node.servers;

import io.grpc.Status;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.Trailers;
import org.apache.pekko.grpc.javadsl.GrpcExceptionHandler;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.japi.Function;

/**
 * How the control API answers a call whose request outgrew its bound while it was read:
 * RESOURCE_EXHAUSTED with the bound, instead of the INTERNAL pekko-grpc gives a failure it does not
 * know. Every other failure is pekko-grpc's to answer.
 */
// pekko-grpc's generated handler factories take the deprecated japi Function.
@SuppressWarnings("deprecation")
final class OversizedCalls {

  private OversizedCalls() {}

  static Function<ActorSystem, Function<Throwable, Trailers>> mapper(long maxRequestBytes) {
    Function<ActorSystem, Function<Throwable, Trailers>> standard =
        GrpcExceptionHandler.defaultMapper();
    return system ->
        failure ->
            oversized(failure)
                ? new Trailers(
                    Status.RESOURCE_EXHAUSTED.withDescription(
                        "the request is larger than "
                            + maxRequestBytes
                            + " bytes (ben.ledger.max-bundle-bytes and its framing); it was not"
                            + " read further"))
                : standard.apply(system).apply(failure);
  }

  private static boolean oversized(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBound.TooLarge || cause instanceof EntityStreamSizeException) {
        return true;
      }
    }
    return false;
  }
}
