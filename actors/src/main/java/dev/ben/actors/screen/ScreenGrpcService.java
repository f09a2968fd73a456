package dev.ben.actors.screen;

import dev.ben.actors.invoke.GrpcAppKeys;
import dev.ben.api.control.ScreenReply;
import dev.ben.api.control.ScreenRequest;
import dev.ben.api.control.ScreenServicePowerApi;
import dev.ben.contracts.screen.ScreenMatch;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.metrics.MetricsRegistry;
import io.grpc.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * The gRPC twin of {@code POST /api/v1/screen}, on the control port: the caller is the app whose
 * key the {@code authorization: Bearer <key>} metadata holds, checked by the node's one {@link
 * AppKeyCheck} as the invocation service checks it (key refusals counted in {@code
 * ben_ingest_refused_total{reason}}); the name is screened by the same {@link Screener} as over
 * HTTP.
 */
public final class ScreenGrpcService implements ScreenServicePowerApi {

  private final Screener screener;
  private final GrpcAppKeys appKeys;

  public ScreenGrpcService(Screener screener, AppKeyCheck keys, MetricsRegistry metrics) {
    this.screener = screener;
    this.appKeys = new GrpcAppKeys(keys, metrics);
  }

  @Override
  public CompletionStage<ScreenReply> screen(ScreenRequest in, Metadata metadata) {
    return appKeys.app(metadata).thenCompose(app -> checked(in));
  }

  private CompletionStage<ScreenReply> checked(ScreenRequest in) {
    if (!in.hasWithin()) {
      ScreenOutcome.Refused missing =
          Screener.badField("within", "required, the edits allowed (0..8)");
      screener.count(Screener.Transport.GRPC, missing.refusal().label());
      return CompletableFuture.failedFuture(refusal(missing));
    }
    ScreenQuestion question =
        new ScreenQuestion(
            in.getPipeline(), in.getList(), in.getName(), in.getWithin(), in.getVersion());
    return screener.screen(Screener.Transport.GRPC, question).thenApply(ScreenGrpcService::reply);
  }

  private static ScreenReply reply(ScreenOutcome outcome) {
    if (outcome instanceof ScreenOutcome.Refused refused) {
      throw refusal(refused);
    }
    ScreenOutcome.Answered answered = (ScreenOutcome.Answered) outcome;
    ScreenReply.Builder reply =
        ScreenReply.newBuilder()
            .setPipeline(answered.pipeline())
            .setVersion(answered.version())
            .setList(answered.list())
            .setName(answered.name());
    for (ScreenMatch match : answered.matches()) {
      reply.addMatches(
          dev.ben.api.control.ScreenMatch.newBuilder()
              .setEntry(match.entry())
              .setDistance(match.distance()));
    }
    return reply.build();
  }

  private static GrpcServiceException refusal(ScreenOutcome.Refused refused) {
    return new GrpcServiceException(
        Status.fromCode(refused.refusal().grpcCode()).withDescription(refused.message()));
  }
}
