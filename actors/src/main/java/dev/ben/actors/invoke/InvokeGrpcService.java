package dev.ben.actors.invoke;

import dev.ben.api.control.InvokeReply;
import dev.ben.api.control.InvokeRequest;
import dev.ben.api.control.InvokeServicePowerApi;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.sidecar.Names;
import io.grpc.Status;
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

  private final Invoker invoker;
  private final InvokeReplies replies;
  private final GrpcAppKeys appKeys;

  public InvokeGrpcService(
      Invoker invoker, InvokeReplies replies, AppKeyCheck keys, MetricsRegistry metrics) {
    this.invoker = invoker;
    this.replies = replies;
    this.appKeys = new GrpcAppKeys(keys, metrics);
  }

  @Override
  public CompletionStage<InvokeReply> invoke(InvokeRequest in, Metadata metadata) {
    if (!Names.valid(in.getPipeline())) {
      return failed(Status.INVALID_ARGUMENT, "name the pipeline (" + Names.RULE + ")");
    }
    return appKeys
        .app(metadata)
        .thenCompose(
            app -> invoker.overGrpc(in.getPipeline(), app, in.getEventJson().toByteArray()))
        .thenApply(this::reply);
  }

  private InvokeReply reply(InvokeOutcome outcome) {
    if (outcome instanceof InvokeOutcome.Decided decided) {
      return replies.reply(decided);
    }
    throw InvokeReplies.refusal((InvokeOutcome.Refused) outcome);
  }

  private <T> CompletionStage<T> failed(Status status, String message) {
    return CompletableFuture.failedFuture(
        new GrpcServiceException(status.withDescription(message)));
  }
}
