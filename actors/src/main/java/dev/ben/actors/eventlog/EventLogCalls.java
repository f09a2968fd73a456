package dev.ben.actors.eventlog;

import dev.ben.actors.control.Authorizer;
import dev.ben.actors.control.ControlOperation;
import dev.ben.actors.control.RefusalCounter;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventRefusedException;
import dev.ben.streams.metrics.MetricsRegistry;
import io.grpc.Status;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * Runs an event-log call: authorized on the calling thread, then run on the executor for blocking
 * work (the log may be on disk or in NATS), with the log's refusals answered as gRPC statuses that
 * carry the field and reason, and counted in {@code ben_control_refused_total{reason}}.
 */
final class EventLogCalls {

  private final Authorizer authorizer;
  private final EventLog log;
  private final Executor blocking;
  private final RefusalCounter refusals;

  EventLogCalls(Authorizer authorizer, EventLog log, Executor blocking, MetricsRegistry metrics) {
    this.authorizer = authorizer;
    this.log = log;
    this.blocking = blocking;
    this.refusals = new RefusalCounter(metrics);
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
    return CompletableFuture.supplyAsync(() -> answer(who, call), blocking);
  }

  private <T> T answer(String who, Function<String, T> call) {
    try {
      return asRegistered(who, call);
    } catch (EventRefusedException refused) {
      refusals.count("eventlog-" + refused.kind().name().toLowerCase(Locale.ROOT));
      throw new GrpcServiceException(status(refused.kind()).withDescription(refused.getMessage()));
    }
  }

  /**
   * A caller refused as unregistered may have been registered on another node since this node last
   * read the registrations: it reads them again and retries once when there were new ones.
   */
  private <T> T asRegistered(String who, Function<String, T> call) {
    try {
      return call.apply(who);
    } catch (EventRefusedException refused) {
      if (refused.kind() == EventRefusedException.Kind.UNREGISTERED && log.reloadComponents() > 0) {
        return call.apply(who);
      }
      throw refused;
    }
  }

  static Status status(EventRefusedException.Kind kind) {
    return switch (kind) {
      case INVALID -> Status.INVALID_ARGUMENT;
      case UNREGISTERED -> Status.PERMISSION_DENIED;
      case NOT_FOUND -> Status.NOT_FOUND;
      case CONFLICT -> Status.FAILED_PRECONDITION;
    };
  }
}
