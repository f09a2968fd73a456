package dev.ben.actors.reads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.ReadFailure;
import dev.ben.bux.socket.TopicFilter;
import dev.ben.config.AnalyticsSettings;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.analytics.BeaconQuery;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.WebProject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics source over {@code examples/web}'s page views in the embedded store: the body of
 * every beacon pipeline or of one, the window counted back from now, one read for every caller
 * within the reuse interval, and failures a person can act on.
 */
class BeaconAnalyticsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Map<String, List<BeaconQuery.Table>> WEB =
      Map.of("web", List.of(new BeaconQuery.Table("page_views", true, true)));

  @TempDir Path dir;
  private EmbeddedStore store;
  private final ExecutorService blocking = Executors.newSingleThreadExecutor();
  private final AtomicInteger asked = new AtomicInteger();
  private final AtomicLong nowMillis = new AtomicLong(NOW.toEpochMilli());
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(nowMillis.get());
        }
      };

  @BeforeEach
  void fill() throws Exception {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), JSON);
    DataMigrator migrator = new DataMigrator(store, JSON);
    ContractSlot slot = WebProject.slot(1);
    long now = NOW.toEpochMilli();
    List<Envelope> batch =
        List.of(
            WebProject.beacon(slot, "old", now - WINDOW.toMillis() - 1_000, beacon("/", 200)),
            WebProject.beacon(slot, "a", now - 60_000, beacon("/", 200)),
            WebProject.beacon(slot, "b", now - 30_000, beacon("/cart", 500)),
            WebProject.beacon(slot, "c", now - 10_000, beacon("/", 200)));
    new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON).write(batch);
  }

  @AfterEach
  void close() {
    blocking.shutdownNow();
    store.close();
  }

  private static String beacon(String path, int status) {
    return "{\"ts\": \"2024-05-01T11:59:00Z\", \"site\": \"shop\", \"path\": \""
        + path
        + "\", \"status\": "
        + status
        + ", \"client_ip\": \"198.51.100.7\", \"visitor\": \"v-1\"}";
  }

  private BeaconAnalytics analytics(
      Supplier<CompletionStage<Map<String, List<BeaconQuery.Table>>>> pipelines) {
    return new BeaconAnalytics(
        () -> {
          asked.incrementAndGet();
          return pipelines.get();
        },
        new BeaconQuery(store),
        blocking,
        new AnalyticsSettings(WINDOW, 10),
        Duration.ofSeconds(1),
        Duration.ofMillis(500),
        clock,
        JSON);
  }

  private BeaconAnalytics analyticsOfWeb() {
    return analytics(() -> CompletableFuture.completedFuture(WEB));
  }

  private static JsonNode read(BeaconAnalytics analytics, Map<String, String> filter)
      throws Exception {
    return analytics.read(new TopicFilter(filter)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void everyBeaconPipelinesFiguresOverTheWindow() throws Exception {
    JsonNode all = read(analyticsOfWeb(), Map.of());
    assertEquals(NOW.toEpochMilli(), all.get("at").asLong());
    assertEquals(WINDOW.toMillis(), all.get("window_ms").asLong());
    assertEquals(1, all.get("pipelines").size());
    JsonNode web = all.get("pipelines").get(0);
    assertEquals(
        JSON.readTree(
            "{\"at\":"
                + NOW.toEpochMilli()
                + ",\"pipeline\":\"web\",\"window_ms\":900000,\"visits\":1,\"page_views\":3,"
                + "\"top_pages\":[{\"page\":\"/\",\"count\":2},{\"page\":\"/cart\",\"count\":1}],"
                + "\"referrers\":[],"
                + "\"status_codes\":[{\"code\":200,\"count\":2},{\"code\":500,\"count\":1}]}"),
        JSON.readTree(web.toString()),
        "the beacon older than the window is not counted; one visitor made all three");
  }

  @Test
  void aPipelineFilterPicksItsFiguresAndAnotherPipelineIsNotFound() throws Exception {
    BeaconAnalytics analytics = analyticsOfWeb();
    assertEquals("web", read(analytics, Map.of("pipeline", "web")).get("pipeline").asText());
    ExecutionException refused =
        assertThrows(ExecutionException.class, () -> read(analytics, Map.of("pipeline", "auth")));
    ReadFailure failure = assertInstanceOf(ReadFailure.class, refused.getCause());
    assertEquals(ReadFailure.Kind.NOT_FOUND, failure.kind());
    assertTrue(failure.getMessage().contains("beacon pipelines: web"), failure.getMessage());
  }

  @Test
  void oneReadServesEveryCallerWithinTheInterval() throws Exception {
    BeaconAnalytics analytics = analyticsOfWeb();
    read(analytics, Map.of());
    read(analytics, Map.of("pipeline", "web"));
    read(analytics, Map.of());
    assertEquals(1, asked.get());
    nowMillis.addAndGet(1_000);
    JsonNode later = read(analytics, Map.of());
    assertEquals(2, asked.get(), "a second later the source is read again");
    assertEquals(NOW.toEpochMilli() + 1_000, later.get("at").asLong());
  }

  @Test
  void aReadThatDoesNotCompleteInTimeIsUnavailable() {
    BeaconAnalytics analytics = analytics(CompletableFuture::new);
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> read(analytics, Map.of()));
    ReadFailure failure = assertInstanceOf(ReadFailure.class, failed.getCause());
    assertEquals(ReadFailure.Kind.UNAVAILABLE, failure.kind());
    assertTrue(failure.getMessage().contains("ben.gateway.read-timeout"), failure.getMessage());
  }

  @Test
  void aStoreFailureIsUnavailableWithItsReason() {
    BeaconAnalytics analytics = analyticsOfWeb();
    store.close();
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> read(analytics, Map.of()));
    ReadFailure failure = assertInstanceOf(ReadFailure.class, failed.getCause());
    assertEquals(ReadFailure.Kind.UNAVAILABLE, failure.kind());
    assertTrue(failure.getMessage().startsWith("the store failed"), failure.getMessage());
  }
}
