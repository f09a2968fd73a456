package dev.ben.actors.screen;

import dev.ben.config.ScreenSettings;
import dev.ben.contracts.screen.ScreenLimits;
import dev.ben.contracts.screen.ScreenResult;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.sidecar.Names;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One screening, whatever transport asked: the question's fields checked, the version chosen (the
 * one named, else the newest staged), its lists read once ({@link CachedVersionLists}) and the name
 * screened by the contracts' own matcher. Every request is counted in {@code
 * ben_screen_requests_total{transport,outcome}}.
 */
public final class Screener {

  /** The transports that ask, as the counter's {@code transport} label names them. */
  public enum Transport {
    HTTP,
    GRPC
  }

  private final VersionLists versions;
  private final ScreenLimits limits;
  private final MetricsRegistry metrics;

  public Screener(VersionLists versions, ScreenSettings settings, MetricsRegistry metrics) {
    this.versions = versions;
    this.limits = new ScreenLimits(settings.maxNameLength(), settings.maxResults());
    this.metrics = metrics;
  }

  public CompletionStage<ScreenOutcome> screen(Transport transport, ScreenQuestion question) {
    return answer(question)
        .exceptionally(Screener::lookupFailed)
        .thenApply(outcome -> counted(transport, outcome));
  }

  private CompletionStage<ScreenOutcome> answer(ScreenQuestion question) {
    if (!Names.valid(question.pipeline())) {
      return done(badField("pipeline", "name the pipeline (" + Names.RULE + ")"));
    }
    if (question.list() == null || question.list().isBlank()) {
      return done(badField("list", "name the list to screen against"));
    }
    if (question.version() < 0) {
      return done(
          badField("version", "a version is a positive number; leave it out for the newest"));
    }
    CompletionStage<Long> version =
        question.version() == ScreenQuestion.NEWEST
            ? versions.newest(question.pipeline())
            : CompletableFuture.completedFuture(question.version());
    return version.thenCompose(
        chosen ->
            versions
                .lists(question.pipeline(), chosen)
                .thenApply(
                    lists ->
                        answered(
                            question,
                            chosen,
                            lists.screen(
                                question.list(), question.name(), question.within(), limits))));
  }

  private static ScreenOutcome answered(
      ScreenQuestion question, long version, ScreenResult result) {
    if (result instanceof ScreenResult.Matches found) {
      return new ScreenOutcome.Answered(
          question.pipeline(), version, question.list(), question.name(), found.matches());
    }
    ScreenResult.Refused refused = (ScreenResult.Refused) result;
    return refused.reason() == ScreenResult.Reason.UNKNOWN_LIST
        ? new ScreenOutcome.Refused(
            ScreenRefusal.NOT_FOUND,
            refused.message() + " (pipeline `" + question.pipeline() + "` v" + version + ")")
        : badField(refused.field(), refused.message());
  }

  /** A refusal naming the request field at fault, as both transports word it. */
  public static ScreenOutcome.Refused badField(String field, String message) {
    return new ScreenOutcome.Refused(ScreenRefusal.BAD_FIELD, "`" + field + "`: " + message);
  }

  private static ScreenOutcome lookupFailed(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ScreenLookupException lookup) {
      return new ScreenOutcome.Refused(lookup.refusal(), lookup.getMessage());
    }
    return new ScreenOutcome.Refused(
        ScreenRefusal.UNAVAILABLE, "the lists could not be read (" + cause.getMessage() + ")");
  }

  private ScreenOutcome counted(Transport transport, ScreenOutcome outcome) {
    count(
        transport,
        outcome instanceof ScreenOutcome.Refused refused ? refused.refusal().label() : "answered");
    return outcome;
  }

  /** Counts a request refused before it reached the screener (its key, its body). */
  public void count(Transport transport, String outcome) {
    metrics
        .counter(
            "ben_screen_requests_total",
            "Screening requests over HTTP and gRPC, by how they ended.",
            Labels.of("transport", transport.name().toLowerCase(Locale.ROOT), "outcome", outcome))
        .inc();
  }

  private static CompletionStage<ScreenOutcome> done(ScreenOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
