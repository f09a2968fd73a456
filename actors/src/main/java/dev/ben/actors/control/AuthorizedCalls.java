package dev.ben.actors.control;

import io.grpc.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * Runs a control call that works on the identity store: authorized on the calling thread, then run
 * on the executor for blocking work (the store may be remote), with malformed requests answered
 * INVALID_ARGUMENT.
 */
final class AuthorizedCalls {

  private final Authorizer authorizer;
  private final Executor blocking;

  AuthorizedCalls(Authorizer authorizer, Executor blocking) {
    this.authorizer = authorizer;
    this.blocking = blocking;
  }

  /** Runs {@code call} with the caller's name once the caller may do {@code operation}. */
  <T> CompletionStage<T> run(
      Metadata metadata, ControlOperation operation, Function<String, T> call) {
    String who;
    try {
      who = authorizer.authorize(metadata, operation).user();
    } catch (GrpcServiceException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return call.apply(who);
          } catch (ControlRequests.Malformed e) {
            throw new GrpcServiceException(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
          }
        },
        blocking);
  }
}
