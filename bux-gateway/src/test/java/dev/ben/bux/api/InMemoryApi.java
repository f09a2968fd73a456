package dev.ben.bux.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.LedgerReads.ArtifactChange;
import dev.ben.bux.api.LedgerReads.ComponentVersion;
import dev.ben.bux.api.LedgerReads.PipelineDetail;
import dev.ben.bux.api.LedgerReads.PipelineSummary;
import dev.ben.bux.api.LedgerReads.SourceFile;
import dev.ben.bux.api.LedgerReads.VersionComparison;
import dev.ben.bux.api.LedgerReads.VersionDetail;
import dev.ben.bux.api.StoredEvents.EventPage;
import dev.ben.bux.api.StoredEvents.EventQuery;
import dev.ben.bux.api.StoredEvents.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ben_api's ports over a fixed, in-memory cluster: one pipeline {@link #PIPELINE} with versions 1
 * (active) and 2 (staged, its threshold raised) running as {@link #COMPONENTS}, one member, and the
 * stored events the test puts in {@link #stored}. The last event query is kept in {@link
 * #lastQuery}; {@link #silent} makes every port stop answering.
 */
public final class InMemoryApi {

  public static final String PIPELINE = "auth";
  static final String RULES_V1 =
      "{\n  \"name\" : \"lockout\",\n  \"threshold\" : 5,\n  \"window\" : \"1m\"\n}";
  static final String RULES_V2 = RULES_V1.replace("\"threshold\" : 5", "\"threshold\" : 10");

  /**
   * Where {@link #PIPELINE} runs, as the orchestrator hears it: only the spine reports its version;
   * node-b's spine is not running, so nothing there reports one.
   */
  static final List<ComponentVersion> COMPONENTS =
      List.of(
          new ComponentVersion("sidecar", "node-a", 0),
          new ComponentVersion("spine", "node-a", 1),
          new ComponentVersion("store", "node-a", 0),
          new ComponentVersion("sidecar", "node-b", 0));

  private static final ObjectMapper JSON = new ObjectMapper();

  public final List<StoredEvent> stored = new ArrayList<>();
  public final AtomicReference<EventQuery> lastQuery = new AtomicReference<>();
  public volatile boolean silent;

  private <T> CompletionStage<T> answer(T value) {
    return silent ? new CompletableFuture<>() : CompletableFuture.completedFuture(value);
  }

  private <T> CompletionStage<T> unknown(String pipeline) {
    return silent
        ? new CompletableFuture<>()
        : CompletableFuture.failedFuture(
            new ReadFailure(ReadFailure.Kind.NOT_FOUND, "no pipeline '" + pipeline + "'"));
  }

  private static List<SourceFile> sources(long version) {
    return List.of(
        new SourceFile(
            "detector/lockout.json", SourceFile.ARTIFACT, version == 1 ? RULES_V1 : RULES_V2),
        new SourceFile("schema/login.json", SourceFile.ARTIFACT, "{\n  \"name\" : \"login\"\n}"));
  }

  public LedgerReads ledger() {
    return new LedgerReads() {
      @Override
      public CompletionStage<List<PipelineSummary>> pipelines() {
        return answer(
            List.of(new PipelineSummary(PIPELINE, "PUBLISHED", 1L, List.of(2L), COMPONENTS)));
      }

      @Override
      public CompletionStage<PipelineDetail> pipeline(String name) {
        if (!name.equals(PIPELINE)) {
          return unknown(name);
        }
        return answer(
            new PipelineDetail(
                PIPELINE,
                "PUBLISHED",
                1L,
                List.of(
                    new VersionDetail(1, "ACTIVE", "ada@laptop", 1_000, "bundle-one"),
                    new VersionDetail(2, "STAGED", "bob@laptop", 2_000, "bundle-two")),
                COMPONENTS));
      }

      @Override
      public CompletionStage<List<SourceFile>> sources(String pipeline, long version) {
        if (!pipeline.equals(PIPELINE)) {
          return unknown(pipeline);
        }
        return version > 2
            ? CompletableFuture.failedFuture(
                new ReadFailure(
                    ReadFailure.Kind.NOT_FOUND, pipeline + " has no version " + version))
            : answer(InMemoryApi.sources(version));
      }

      @Override
      public CompletionStage<VersionComparison> compare(String pipeline, long from, long to) {
        if (!pipeline.equals(PIPELINE)) {
          return unknown(pipeline);
        }
        return answer(
            new VersionComparison(
                List.of(
                    new ArtifactChange("detector", "lockout", from == to ? "SAME" : "CHANGED"),
                    new ArtifactChange("schema", "login", "SAME")),
                InMemoryApi.sources(from),
                InMemoryApi.sources(to)));
      }
    };
  }

  public ClusterReads cluster() {
    return () ->
        answer(
            new ClusterReads.ClusterView(
                "pekko://ben@127.0.0.1:2551",
                List.of(
                    new ClusterReads.MemberView(
                        "pekko://ben@127.0.0.1:2551",
                        List.of("edge", "orchestrator"),
                        "Up",
                        true,
                        List.of("ledger", "orchestrator"),
                        4)),
                new HealthReport(HealthReport.Status.UP, Map.of("cluster", "member is Up"))));
  }

  public StoredEvents events() {
    return query -> {
      lastQuery.set(query);
      if (!query.pipeline().equals(PIPELINE)) {
        return unknown(query.pipeline());
      }
      List<StoredEvent> page = stored.stream().limit(query.limit()).toList();
      Optional<StoredEvents.EventCursor> next =
          stored.size() > query.limit()
              ? Optional.of(
                  new StoredEvents.EventCursor(
                      page.get(page.size() - 1).receivedAtMs(),
                      page.get(page.size() - 1).eventId()))
              : Optional.empty();
      return answer(new EventPage(page, next));
    };
  }

  /** A stored event of {@link #PIPELINE} on which {@code rule} fired. */
  public static StoredEvent event(String id, long receivedAtMs, String rule) {
    var decisions = JSON.createObjectNode().put("action", "flag");
    decisions.putArray("rules").add(rule);
    decisions.putObject("facts");
    return new StoredEvent(
        id, PIPELINE, "web", receivedAtMs, JSON.createObjectNode().put("user", "ada"), decisions);
  }
}
