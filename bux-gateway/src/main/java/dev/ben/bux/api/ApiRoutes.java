package dev.ben.bux.api;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.bux.api.StoredEvents.EventPage;
import dev.ben.contracts.diff.SourceDiff;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * ben_api's read routes (GET, JSON) and its OpenAPI document; every route but the document needs a
 * session or a Bearer token of any role. Any other method on any {@code /api/v1/} path but {@code
 * /api/v1/session} is refused with 405 and counted as {@code read_only}, since nothing here may
 * change intent.
 */
public final class ApiRoutes extends AllDirectives {

  /** Every path these routes serve, as the OpenAPI document names them. */
  public static final List<String> PATHS =
      List.of(
          "/api/v1/openapi.json",
          "/api/v1/pipelines",
          "/api/v1/pipelines/{name}",
          "/api/v1/pipelines/{name}/versions/{v}/sources",
          "/api/v1/pipelines/{name}/diff",
          "/api/v1/cluster",
          "/api/v1/events");

  private static final String OPENAPI = "bux/openapi.json";

  private final RouteAccess access;
  private final ApiAnswers answers;
  private final LedgerReads ledger;
  private final ClusterReads cluster;
  private final StoredEvents events;
  private final Duration queryMaxRange;
  private final Clock clock;

  public ApiRoutes(
      RouteAccess access,
      ApiPorts ports,
      Duration readTimeout,
      Duration queryMaxRange,
      Clock clock) {
    this.access = access;
    this.answers = new ApiAnswers(access, readTimeout, clock);
    this.ledger = ports.ledger();
    this.cluster = ports.cluster();
    this.events = ports.events();
    this.queryMaxRange = queryMaxRange;
    this.clock = clock;
  }

  /** What the routes read, as the node lends it. */
  public record ApiPorts(LedgerReads ledger, ClusterReads cluster, StoredEvents events) {}

  public Route route() {
    return pathPrefix(
        segment("api").slash("v1"),
        () ->
            concat(
                get(
                    () ->
                        concat(
                            path("openapi.json", () -> openApi()),
                            path("pipelines", () -> read("pipelines", this::pipelines)),
                            path(
                                segment("pipelines").slash(segment()),
                                name -> read("pipeline", () -> pipeline(name))),
                            path(
                                segment("pipelines")
                                    .slash(segment())
                                    .slash("versions")
                                    .slash(segment())
                                    .slash("sources"),
                                (name, v) -> read("sources", () -> sources(name, v))),
                            path(
                                segment("pipelines").slash(segment()).slash("diff"),
                                name -> withQuery("diff", query -> diff(name, query))),
                            path("cluster", () -> read("cluster", this::cluster)),
                            path("events", () -> withQuery("events", this::events)))),
                extractRequest(this::refuseChanges)));
  }

  /** Everything but GET is refused, except on the session, which is SessionRoutes' to answer. */
  private Route refuseChanges(HttpRequest request) {
    boolean session = request.getUri().path().equals("/api/v1/session");
    return session || request.method().equals(HttpMethods.GET)
        ? reject()
        : access.readOnly("api_read_only");
  }

  /** The document is static, so it is open like the page: it tells nothing about the cluster. */
  private Route openApi() {
    return mapResponse(
        response -> access.counted("api_openapi", response), () -> getFromResource(OPENAPI));
  }

  private Route read(String route, Supplier<CompletableFuture<HttpResponse>> answer) {
    return access.withSession(
        "api_" + route,
        principal -> {
          try {
            return completeWithFuture(answer.get());
          } catch (ApiParameters.Bad bad) {
            return complete(answers.bad("api_" + route, bad.getMessage()));
          }
        });
  }

  private Route withQuery(
      String route, Function<Map<String, String>, CompletableFuture<HttpResponse>> answer) {
    return parameterMap(query -> read(route, () -> answer.apply(query)));
  }

  /** The {@code /api/v1/pipelines} body, which the websocket's pipelines topic pushes too. */
  public CompletionStage<JsonNode> pipelinesBody() {
    return ledger.pipelines().thenApply(this::pipelinesJson);
  }

  /** The {@code /api/v1/cluster} body, which the websocket's cluster topic pushes too. */
  public CompletionStage<JsonNode> clusterBody() {
    return cluster.cluster().thenApply(this::clusterJson);
  }

  private CompletableFuture<HttpResponse> pipelines() {
    return future(answers.answer("api_pipelines", ledger.pipelines(), this::pipelinesJson));
  }

  private ObjectNode pipelinesJson(List<LedgerReads.PipelineSummary> list) {
    ObjectNode body = answers.body();
    body.putArray("pipelines")
        .addAll(list.stream().map(p -> withStageVersions(p, p.components())).toList());
    return body;
  }

  /** A pipeline's fields, its components each with the version it runs ({@link StageVersions}). */
  private ObjectNode withStageVersions(
      Record pipeline, List<LedgerReads.ComponentVersion> components) {
    ObjectNode fields = answers.fields(pipeline);
    fields.set("components", answers.tree(StageVersions.of(components)));
    return fields;
  }

  private CompletableFuture<HttpResponse> pipeline(String name) {
    return future(
        answers.answer(
            "api_pipeline",
            ledger.pipeline(name),
            detail -> answers.body().setAll(withStageVersions(detail, detail.components()))));
  }

  private CompletableFuture<HttpResponse> sources(String name, String v) {
    long version = ApiParameters.version("v", v);
    return future(
        answers.answer(
            "api_sources",
            ledger.sources(name, version),
            files -> {
              ObjectNode body = answers.object().put("pipeline", name).put("version", version);
              body.set("sources", answers.tree(files));
              return body;
            }));
  }

  private CompletableFuture<HttpResponse> diff(String name, Map<String, String> query) {
    long from = ApiParameters.requiredVersion("from", Optional.ofNullable(query.get("from")));
    long to = ApiParameters.requiredVersion("to", Optional.ofNullable(query.get("to")));
    return future(
        answers.answer(
            "api_diff",
            ledger.compare(name, from, to),
            comparison -> {
              ObjectNode body =
                  answers.object().put("pipeline", name).put("from", from).put("to", to);
              body.set("artifacts", answers.tree(comparison.artifacts()));
              body.set(
                  "files",
                  answers.tree(
                      SourceDiff.between(
                          texts(comparison.fromSources()), texts(comparison.toSources()))));
              return body;
            }));
  }

  private static Map<String, String> texts(List<LedgerReads.SourceFile> files) {
    Map<String, String> byPath = new TreeMap<>();
    files.forEach(file -> byPath.put(file.path(), file.text()));
    return byPath;
  }

  private CompletableFuture<HttpResponse> cluster() {
    return future(answers.answer("api_cluster", cluster.cluster(), this::clusterJson));
  }

  private ObjectNode clusterJson(ClusterReads.ClusterView view) {
    return answers.body().setAll(answers.fields(view));
  }

  private CompletableFuture<HttpResponse> events(Map<String, String> query) {
    var request = ApiParameters.events(query, clock.instant(), queryMaxRange);
    return future(answers.answer("api_events", events.query(request), this::page));
  }

  private ObjectNode page(EventPage page) {
    ObjectNode body = answers.body();
    body.set("events", answers.tree(page.events()));
    body.put("next_cursor", page.next().map(ApiParameters::cursor).orElse(null));
    return body;
  }

  private static CompletableFuture<HttpResponse> future(CompletionStage<HttpResponse> stage) {
    return stage.toCompletableFuture();
  }
}
