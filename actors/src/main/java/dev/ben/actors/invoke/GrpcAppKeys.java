package dev.ben.actors.invoke;

import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.metrics.IngestRefusals;
import dev.ben.streams.metrics.MetricsRegistry;
import io.grpc.Status;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * The app behind a gRPC call on the control port that apps make with their key (invoke, screen):
 * the key is the {@code authorization: Bearer <key>} metadata, checked by the node's one {@link
 * AppKeyCheck} as the ingest port checks it, and every refusal is counted in {@code
 * ben_ingest_refused_total{reason}} like the ingest port's.
 */
public final class GrpcAppKeys {

  private static final String BEARER = "bearer ";

  private final AppKeyCheck keys;
  private final IngestRefusals refusals;

  public GrpcAppKeys(AppKeyCheck keys, MetricsRegistry metrics) {
    this.keys = keys;
    this.refusals = new IngestRefusals(metrics);
  }

  /**
   * The name of the app whose key the call carries; fails with UNAUTHENTICATED, PERMISSION_DENIED
   * or (the key store did not answer) UNAVAILABLE.
   */
  public CompletionStage<String> app(Metadata metadata) {
    return keys.check(key(metadata), metadata.getText("x-ben-app").stream().toList())
        .handle(
            (outcome, failure) -> {
              if (failure != null) {
                return this.<String>refused(
                    "key_check_failed",
                    Status.UNAVAILABLE,
                    "the node could not read the app's key from its identity store; retry shortly");
              }
              return checked(outcome);
            })
        .thenCompose(app -> app);
  }

  private CompletionStage<String> checked(AppKeyCheck.Outcome outcome) {
    if (outcome instanceof AppKeyCheck.Refused refused) {
      boolean forbidden = refused.reason().forbidden();
      return refused(
          refused.reason().label(),
          forbidden ? Status.PERMISSION_DENIED : Status.UNAUTHENTICATED,
          forbidden
              ? refused.message()
              : refused.message() + "; send it as `authorization: Bearer <key>` metadata");
    }
    return CompletableFuture.completedFuture(((AppKeyCheck.Accepted) outcome).app().name());
  }

  /** What follows {@code Bearer}, else the whole value, which then fails as malformed. */
  private static Optional<String> key(Metadata metadata) {
    return metadata
        .getText("authorization")
        .map(String::strip)
        .map(
            value ->
                value.toLowerCase(Locale.ROOT).startsWith(BEARER)
                    ? value.substring(BEARER.length())
                    : value);
  }

  private <T> CompletionStage<T> refused(String reason, Status status, String message) {
    refusals.count(reason);
    return CompletableFuture.failedFuture(
        new GrpcServiceException(status.withDescription(message)));
  }
}
