package dev.ben.actors.invoke;

import dev.ben.api.control.InvokeReply;
import dev.ben.api.control.InvokeRequest;
import dev.ben.api.control.InvokeServicePowerApi;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.metrics.IngestRefusals;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.sidecar.Names;
import io.grpc.Status;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * The gRPC twin of {@code POST /api/v1/invoke/{pipeline}}, on the control port: the caller is the
 * app whose key the {@code authorization: Bearer <key>} metadata holds, checked by the node's one
 * {@link AppKeyCheck} (the one HTTP ingest uses); the event is decided by the same {@link Invoker};
 * key refusals are counted in {@code ben_ingest_refused_total{reason}} as over HTTP.
 */
public final class InvokeGrpcService implements InvokeServicePowerApi {

  private static final String BEARER = "bearer ";

  private final Invoker invoker;
  private final InvokeReplies replies;
  private final AppKeyCheck keys;
  private final MetricsRegistry metrics;

  public InvokeGrpcService(
      Invoker invoker, InvokeReplies replies, AppKeyCheck keys, MetricsRegistry metrics) {
    this.invoker = invoker;
    this.replies = replies;
    this.keys = keys;
    this.metrics = metrics;
  }

  @Override
  public CompletionStage<InvokeReply> invoke(InvokeRequest in, Metadata metadata) {
    if (!Names.valid(in.getPipeline())) {
      return failed(Status.INVALID_ARGUMENT, "name the pipeline (" + Names.RULE + ")");
    }
    return keys.check(key(metadata), metadata.getText("x-ben-app").stream().toList())
        .handle(
            (outcome, failure) -> {
              if (failure != null) {
                refused("key_check_failed");
                return this.<InvokeReply>failed(
                    Status.UNAVAILABLE,
                    "the node could not read the app's key from its identity store; retry shortly");
              }
              return decided(in, outcome);
            })
        .thenCompose(reply -> reply);
  }

  private CompletionStage<InvokeReply> decided(InvokeRequest in, AppKeyCheck.Outcome outcome) {
    if (outcome instanceof AppKeyCheck.Refused refused) {
      refused(refused.reason().label());
      return failed(
          refused.reason().forbidden() ? Status.PERMISSION_DENIED : Status.UNAUTHENTICATED,
          refused.reason().forbidden()
              ? refused.message()
              : refused.message() + "; send it as `authorization: Bearer <key>` metadata");
    }
    String app = ((AppKeyCheck.Accepted) outcome).app().name();
    return invoker
        .overGrpc(in.getPipeline(), app, in.getEventJson().toByteArray())
        .thenApply(this::reply);
  }

  private InvokeReply reply(InvokeOutcome outcome) {
    if (outcome instanceof InvokeOutcome.Decided decided) {
      return replies.reply(decided);
    }
    throw InvokeReplies.refusal((InvokeOutcome.Refused) outcome);
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

  private void refused(String reason) {
    new IngestRefusals(metrics).count(reason);
  }

  private <T> CompletionStage<T> failed(Status status, String message) {
    return CompletableFuture.failedFuture(
        new GrpcServiceException(status.withDescription(message)));
  }
}
