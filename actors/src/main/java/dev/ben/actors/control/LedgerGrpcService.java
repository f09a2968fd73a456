package dev.ben.actors.control;

import dev.ben.actors.ledger.Ledger;
import dev.ben.actors.ledger.LedgerRefusal;
import dev.ben.api.control.DeployRequest;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.DiffRequest;
import dev.ben.api.control.LedgerServicePowerApi;
import dev.ben.api.control.LifecycleRequest;
import dev.ben.api.control.ListPipelinesRequest;
import dev.ben.api.control.PipelineList;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.StageReply;
import dev.ben.api.control.StageRequest;
import dev.ben.api.control.StatusRequest;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionRef;
import dev.ben.config.ControlSettings;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.pattern.StatusReply;

/**
 * The control API over the ledger. Every call first needs a token whose role allows it ({@link
 * Authorizer}); the ledger records the token's user as whoever asked, never text the request
 * carries. Requests that cannot be right (no pipeline named, an empty or oversized bundle) are
 * refused here with INVALID_ARGUMENT and counted; everything else is the ledger's to decide: its
 * refusals become the gRPC status of their kind, and a ledger that does not answer in time (it may
 * be moving to another node) makes the call UNAVAILABLE.
 */
public final class LedgerGrpcService implements LedgerServicePowerApi {

  private final ActorRef<Ledger.Command> ledger;
  private final ActorSystem<?> system;
  private final ControlSettings settings;
  private final ControlRequests checks;
  private final Authorizer authorizer;

  public LedgerGrpcService(
      ActorRef<Ledger.Command> ledger,
      ActorSystem<?> system,
      ControlSettings settings,
      ControlRequests checks,
      Authorizer authorizer) {
    this.ledger = ledger;
    this.system = system;
    this.settings = settings;
    this.checks = checks;
    this.authorizer = authorizer;
  }

  @Override
  public CompletionStage<StageReply> stage(StageRequest in, Metadata metadata) {
    return authorized(
        metadata,
        ControlOperation.STAGE,
        who ->
            checked(
                () -> checks.bundle(in.getBundle().size()),
                settings.askTimeout(),
                replyTo -> new Ledger.Stage(in.getBundle().toByteArray(), who, replyTo)));
  }

  @Override
  public CompletionStage<VersionInfo> unstage(VersionRef in, Metadata metadata) {
    return authorized(
        metadata,
        ControlOperation.UNSTAGE,
        who ->
            checked(
                () -> checks.version(in.getPipeline(), in.getVersion(), false),
                settings.askTimeout(),
                replyTo -> new Ledger.Unstage(in.getPipeline(), in.getVersion(), who, replyTo)));
  }

  @Override
  public CompletionStage<PipelineStatus> deploy(DeployRequest in, Metadata metadata) {
    return authorized(metadata, ControlOperation.DEPLOY, who -> activation(in, false, who));
  }

  @Override
  public CompletionStage<PipelineStatus> rollback(DeployRequest in, Metadata metadata) {
    return authorized(metadata, ControlOperation.ROLLBACK, who -> activation(in, true, who));
  }

  private CompletionStage<PipelineStatus> activation(
      DeployRequest in, boolean rollback, String who) {
    long wait = Math.min(Math.max(0, in.getWaitMillis()), settings.maxDeployWait().toMillis());
    return checked(
        () -> checks.version(in.getPipeline(), in.getVersion(), true),
        settings.askTimeout().plusMillis(wait),
        replyTo ->
            new Ledger.Deploy(in.getPipeline(), in.getVersion(), rollback, wait, who, replyTo));
  }

  @Override
  public CompletionStage<PipelineStatus> status(StatusRequest in, Metadata metadata) {
    return authorized(
        metadata,
        ControlOperation.STATUS,
        who ->
            checked(
                () -> checks.pipeline(in.getPipeline()),
                settings.askTimeout(),
                replyTo -> new Ledger.Status(in.getPipeline(), in.getHistory(), replyTo)));
  }

  @Override
  public CompletionStage<DiffReply> diff(DiffRequest in, Metadata metadata) {
    return authorized(
        metadata,
        ControlOperation.DIFF,
        who ->
            checked(
                () -> checks.diff(in.getPipeline(), in.getFromVersion(), in.getToVersion()),
                settings.askTimeout(),
                replyTo ->
                    new Ledger.Diff(
                        in.getPipeline(), in.getFromVersion(), in.getToVersion(), replyTo)));
  }

  @Override
  public CompletionStage<PipelineList> listPipelines(ListPipelinesRequest in, Metadata metadata) {
    return authorized(
        metadata,
        ControlOperation.LIST_PIPELINES,
        who -> checked(() -> {}, settings.askTimeout(), Ledger.ListPipelines::new));
  }

  @Override
  public CompletionStage<PipelineStatus> changeLifecycle(LifecycleRequest in, Metadata metadata) {
    return authorized(
        metadata,
        ControlOperation.lifecycle(in.getAction()),
        who ->
            checked(
                () -> checks.lifecycle(in.getPipeline(), in.getAction()),
                settings.askTimeout(),
                replyTo ->
                    new Ledger.ChangeLifecycle(in.getPipeline(), in.getAction(), who, replyTo)));
  }

  /**
   * Runs the call as the token's user (as the ledger may record it) if the token allows the
   * operation; the request's own {@code source} field is never trusted.
   */
  private <T> CompletionStage<T> authorized(
      Metadata metadata, ControlOperation operation, Function<String, CompletionStage<T>> call) {
    String who;
    try {
      who = checks.recorded(authorizer.authorize(metadata, operation).user());
    } catch (GrpcServiceException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    return call.apply(who);
  }

  private <T> CompletionStage<T> checked(
      Runnable check,
      Duration timeout,
      Function<ActorRef<StatusReply<T>>, Ledger.Command> request) {
    try {
      check.run();
    } catch (ControlRequests.Malformed e) {
      return CompletableFuture.failedFuture(
          new GrpcServiceException(Status.INVALID_ARGUMENT.withDescription(e.getMessage())));
    }
    return AskPattern.<Ledger.Command, T>askWithStatus(
            ledger, request::apply, timeout, system.scheduler())
        .exceptionally(
            failure -> {
              throw failed(failure, timeout);
            });
  }

  /** A refusal with the status of its kind; anything else means the ledger did not answer. */
  static GrpcServiceException failed(Throwable failure, Duration timeout) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof LedgerRefusal refusal) {
      return new GrpcServiceException(status(refusal.kind()).withDescription(refusal.getMessage()));
    }
    return new GrpcServiceException(
        Status.UNAVAILABLE.withDescription(
            "the ledger did not answer within "
                + timeout.toSeconds()
                + " s ("
                + cause.getMessage()
                + "); it may be moving to another node, "
                + "try again"));
  }

  private static Status status(LedgerRefusal.Kind kind) {
    return switch (kind) {
      case INVALID -> Status.INVALID_ARGUMENT;
      case UNTRUSTED -> Status.PERMISSION_DENIED;
      case NOT_FOUND -> Status.NOT_FOUND;
      case CONFLICT -> Status.FAILED_PRECONDITION;
    };
  }
}
