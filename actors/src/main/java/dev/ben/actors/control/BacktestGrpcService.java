package dev.ben.actors.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.ByteString;
import dev.ben.actors.backtest.BacktestRecorder;
import dev.ben.actors.backtest.StoredReplay;
import dev.ben.actors.ledger.Ledger;
import dev.ben.api.control.BacktestBundleReply;
import dev.ben.api.control.BacktestBundleRequest;
import dev.ben.api.control.BacktestProgress;
import dev.ben.api.control.BacktestRequest;
import dev.ben.api.control.BacktestResult;
import dev.ben.api.control.BacktestServicePowerApi;
import dev.ben.api.control.BacktestUpdate;
import dev.ben.config.BacktestSettings;
import dev.ben.contracts.backtest.Backtest;
import dev.ben.contracts.model.ModelJson;
import dev.ben.streams.store.StoreException;
import io.grpc.Status;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The backtest service: an operator's run replays the pipeline's stored events through the
 * candidate and the active version, paging through the store on the blocking executor and sending a
 * progress message per page, then the report; the run is recorded once done. The stream is pulled
 * by the caller, so a slow reader slows the reads instead of filling memory. Nothing here reaches
 * live state: the engines are the run's own, and their signals go nowhere.
 */
public final class BacktestGrpcService implements BacktestServicePowerApi {

  private static final long MS_PER_SECOND = 1000;
  private static final long NO_END_SECONDS = Long.MAX_VALUE / MS_PER_SECOND;

  private final BacktestSources sources;
  private final BacktestSettings settings;
  private final ControlRequests checks;
  private final Authorizer authorizer;
  private final Executor blocking;
  private final BacktestRecorder recorder;

  public BacktestGrpcService(
      BacktestSources sources,
      BacktestSettings settings,
      ControlRequests checks,
      Authorizer authorizer,
      Executor blocking,
      BacktestRecorder recorder) {
    this.sources = sources;
    this.settings = settings;
    this.checks = checks;
    this.authorizer = authorizer;
    this.blocking = blocking;
    this.recorder = recorder;
  }

  @Override
  public Source<BacktestUpdate, NotUsed> run(BacktestRequest in, Metadata metadata) {
    String who;
    try {
      who = authorizer.authorize(metadata, ControlOperation.BACKTEST).user();
      checks.version(in.getPipeline(), in.getVersion(), true);
      checks.range(in.getFromMillis(), in.getToMillis());
    } catch (GrpcServiceException refused) {
      return Source.failed(refused);
    } catch (ControlRequests.Malformed e) {
      return Source.failed(invalid(e.getMessage()));
    }
    long candidate = in.getVersion() == 0 ? Ledger.BundleOf.NEWEST_STAGED : in.getVersion();
    return Source.completionStage(
            sources
                .pair(in.getPipeline(), candidate)
                .thenApplyAsync(pair -> new Run(who, in, pair, replay(pair, in)), blocking))
        .flatMapConcat(run -> Source.unfoldAsync(run, this::step));
  }

  @Override
  public CompletionStage<BacktestBundleReply> bundle(BacktestBundleRequest in, Metadata metadata) {
    try {
      authorizer.authorize(metadata, ControlOperation.BACKTEST);
      checks.pipeline(in.getPipeline());
    } catch (GrpcServiceException refused) {
      return CompletableFuture.failedFuture(refused);
    } catch (ControlRequests.Malformed e) {
      return CompletableFuture.failedFuture(invalid(e.getMessage()));
    }
    return sources
        .bytes(in.getPipeline(), in.getVersion())
        .thenApply(
            stored ->
                BacktestBundleReply.newBuilder()
                    .setPipeline(stored.pipeline())
                    .setVersion(stored.version())
                    .setBundle(ByteString.copyFrom(stored.bytes()))
                    .build());
  }

  /** A run under way: who asked, what, the two versions, and the replay. */
  private record Run(
      String user, BacktestRequest request, BacktestSources.Pair versions, StoredReplay replay) {}

  private StoredReplay replay(BacktestSources.Pair pair, BacktestRequest in) {
    Backtest backtest;
    try {
      backtest =
          new Backtest(
              pair.active().contracts(),
              pair.candidate().contracts(),
              in.getPipeline(),
              sources.hashKey(),
              Backtest.redactedFields(pair.active().contracts(), in.getPipeline()),
              settings.changedShown());
    } catch (IllegalArgumentException e) {
      throw new GrpcServiceException(Status.FAILED_PRECONDITION.withDescription(e.getMessage()));
    }
    return new StoredReplay(
        backtest,
        pair.active().contracts(),
        sources.store(),
        Math.floorDiv(in.getFromMillis(), MS_PER_SECOND),
        in.getToMillis() == 0
            ? NO_END_SECONDS
            : Math.floorDiv(in.getToMillis() + MS_PER_SECOND - 1, MS_PER_SECOND),
        settings.pageRows());
  }

  private CompletionStage<Optional<Pair<Run, BacktestUpdate>>> step(Run run) {
    return CompletableFuture.supplyAsync(
        () -> {
          if (!run.replay().hasNext()) {
            return Optional.empty();
          }
          try {
            return Optional.of(Pair.create(run, update(run, run.replay().next())));
          } catch (StoreException e) {
            throw new CompletionException(
                new GrpcServiceException(
                    Status.UNAVAILABLE.withDescription(
                        "the store did not answer: " + e.getMessage())));
          }
        },
        blocking);
  }

  private BacktestUpdate update(Run run, StoredReplay.Step step) {
    if (step instanceof StoredReplay.Progress progress) {
      return BacktestUpdate.newBuilder()
          .setProgress(
              BacktestProgress.newBuilder()
                  .setEvents(progress.events())
                  .setChanged(progress.changed())
                  .setSchema(progress.schema())
                  .setReachedMillis(progress.reachedSeconds() * MS_PER_SECOND))
          .build();
    }
    var report = ((StoredReplay.Done) step).report();
    BacktestRequest in = run.request();
    recorder.record(
        new BacktestRecorder.Run(
            run.user(),
            in.getPipeline(),
            run.versions().active().version(),
            run.versions().candidate().version(),
            Instant.ofEpochMilli(in.getFromMillis()),
            in.getToMillis() == 0 ? null : Instant.ofEpochMilli(in.getToMillis()),
            report));
    try {
      return BacktestUpdate.newBuilder()
          .setResult(
              BacktestResult.newBuilder()
                  .setPipeline(in.getPipeline())
                  .setActiveVersion(run.versions().active().version())
                  .setCandidateVersion(run.versions().candidate().version())
                  .setReportJson(ModelJson.mapper().writeValueAsString(report)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a backtest report does not write as JSON", e);
    }
  }

  private static GrpcServiceException invalid(String message) {
    return new GrpcServiceException(Status.INVALID_ARGUMENT.withDescription(message));
  }
}
