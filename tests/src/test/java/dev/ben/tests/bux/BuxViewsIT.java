package dev.ben.tests.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.ExampleProjects;
import dev.ben.tests.dataplane.SignalStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * bux in a real browser against a real node running examples/auth: logging in, the overview's
 * figures against /metrics, the lockout in the live tail and in the decisions with its delivery, a
 * contract diff, the test bench against {@code benctl test -o json}, and search. One node and one
 * browser serve every method; each method posts its own events and waits for what it checks, so the
 * order does not matter.
 */
class BuxViewsIT {

  @TempDir static Path work;

  private static BuxNode bux;
  private static Browser browser;
  private static String cookie;

  @RegisterExtension static final FailureShots SHOTS = new FailureShots(() -> browser);

  @BeforeAll
  static void start() throws IOException {
    bux = BuxNode.start(work);
    cookie = bux.sessionCookie();
    browser = Browser.start(bux.gateway());
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        loggedIn();
        browser.saveEveryView("BuxViewsIT");
      }
    } finally {
      if (browser != null) {
        browser.close();
      }
      if (bux != null) {
        bux.close();
      }
    }
  }

  @BeforeEach
  void atTheOverview() {
    loggedIn();
  }

  @Test
  void aWrongPasswordShowsAnErrorAndTheRightOneOpensTheViews() {
    browser.driver().manage().deleteAllCookies();
    browser.logIn("admin", "not-the-password");
    WebElement error =
        browser.until(
            "the login error",
            d -> {
              WebElement e = browser.visible(Browser.sel("login-error"));
              return e != null && !e.getText().isBlank() ? e : null;
            });
    assertFalse(error.getText().isBlank());
    assertFalse(browser.testId("nav").isDisplayed(), "no view before logging in");

    browser.logIn("admin", bux.password);
    browser.until("the nav", d -> browser.visible(Browser.sel("nav")));
    assertEquals("admin (admin)", browser.testId("who").getText());
    for (String view : Browser.VIEWS) {
      assertTrue(browser.view(view).isDisplayed(), view);
    }
  }

  @Test
  void theOverviewShowsTheFiguresOfMetrics() throws IOException {
    String logins = Files.readString(BuxNode.EXAMPLES.resolve("auth/events/logins.ndjson"));
    long before = bux.stageCounters(cookie).getOrDefault("auth/sidecar/accepted", 0L);
    bux.post("auth", logins);
    browser.view("overview");
    long posted = logins.lines().filter(l -> !l.isBlank()).count();
    // Equal at one instant: the page shows what /metrics says, every stage and outcome.
    browser.until(
        "the stage table to equal /metrics after " + posted + " events",
        d -> {
          Map<String, Long> metrics = bux.stageCounters(cookie);
          return metrics.getOrDefault("auth/sidecar/accepted", 0L) >= before + posted
              && metrics.equals(pageStageFigures(metrics));
        });
  }

  @Test
  void theChartsStartFromTheHistoryWithTheStoresBatchLatency() throws IOException {
    bux.post("auth", Files.readString(BuxNode.EXAMPLES.resolve("auth/events/logins.ndjson")));
    String p99 = "quantile=\\\"0.99\\\",stage=\\\"store\\\"";
    BuxNode.await(
        "the store's batch p99 in the history",
        () ->
            bux.send(
                    HttpRequest.newBuilder(
                            URI.create(
                                bux.gateway()
                                    + "/api/v1/metrics/history?series=ben_stage_batch_seconds"))
                        .header("Cookie", cookie)
                        .build())
                .body()
                .contains(p99));
    long opened = System.currentTimeMillis();
    loggedIn();
    browser.view("overview");
    // The page opened after these points were sampled: only the history can have drawn them.
    browser.until(
        "the throughput chart to start before the page opened",
        d -> {
          String from = browser.testId("chart-throughput").getAttribute("data-from");
          return from != null && !from.isEmpty() && Long.parseLong(from) < opened;
        });
    browser.until(
        "the store's p99 in the latency chart",
        d ->
            List.of(browser.testId("chart-latency").getAttribute("data-keys").split(","))
                .contains("auth/store p99"));
  }

  @Test
  void theLossTableAddsUpForEveryPipeline() throws IOException {
    bux.post("auth", Files.readString(BuxNode.EXAMPLES.resolve("auth/events/logins.ndjson")));
    browser.view("overview");
    // The row is re-rendered with every metrics frame: read it whole inside one wait.
    String holds =
        browser.until(
            "auth's loss row to add up",
            d -> {
              WebElement check = browser.visible(Browser.sel("loss-check-auth"));
              return check != null && "true".equals(check.getAttribute("data-holds"))
                  ? check.getText()
                  : null;
            });
    assertTrue(holds.contains("adds up"), holds);
  }

  @Test
  void theAttackBurstShowsTheLockoutFiringInTheLiveTail() throws IOException {
    browser.view("tail");
    WebElement pipeline = browser.testId("tail-filter-pipeline");
    pipeline.clear();
    pipeline.sendKeys("auth");
    browser.testId("tail-apply").click();
    bux.post("auth", Files.readString(BuxNode.EXAMPLES.resolve("auth/events/attack.ndjson")));
    WebElement fired =
        browser.until(
            "the lockout firing in the tail's decisions",
            d ->
                browser.all(Browser.sel("tail-playbook")).stream()
                    .filter(p -> p.getText().contains("lockout") && p.getText().contains("FIRED"))
                    .findFirst()
                    .orElse(null));
    assertTrue(fired.getText().contains("lock_account"), fired.getText());
  }

  @Test
  void theDecisionsViewShowsTheLockoutWithItsExplanationAndItsDelivery() throws IOException {
    String response = Files.readString(BuxNode.EXAMPLES.resolve("auth/response.ben"));
    Matcher explain = Pattern.compile("explain\\s+\"([^\"]+)\"").matcher(response);
    assertTrue(explain.find(), response);
    String explanation = explain.group(1);
    // A user of its own, so no other method's burst has started the lockout's cooldown for it.
    String user = "decisions-" + UUID.randomUUID().toString().substring(0, 8);
    String attack =
        Files.readString(BuxNode.EXAMPLES.resolve("auth/events/attack.ndjson"))
            .replace("\"mallory\"", "\"" + user + "\"");
    try (SignalStreams shop =
        new SignalStreams(HttpClient.newHttpClient(), bux.node.ingestPort(), bux.appKey)) {
      BuxNode.await("shop's signal stream is open", shop::open);
      bux.post("auth", attack);
      BuxNode.await(
          "shop receives lock_account for " + user,
          () -> shop.data().stream().anyMatch(d -> d.contains("lock_account") && d.contains(user)));
      // The view reads the log once when it opens: open it once the delivery is recorded.
      BuxNode.await("a delivered lockout in /api/v1/decisions", this::aDeliveredLockoutIsLogged);
    }
    browser.view("decisions");
    WebElement row =
        browser.until(
            "a delivered lockout firing in the decisions",
            d ->
                browser.all(Browser.sel("decision-row")).stream()
                    .filter(r -> r.getText().contains("FIRED") && r.getText().contains("delivered"))
                    .filter(r -> cell(r, "decision-playbook").equals("lockout"))
                    .findFirst()
                    .orElse(null));
    assertEquals("FIRED", row.getAttribute("data-status"));
    assertEquals(explanation, cell(row, "decision-explanation"));
    assertTrue(cell(row, "decision-signal").startsWith("lock_account"), row.getText());
    assertEquals("delivered", cell(row, "decision-delivery"));
    browser.save("BuxViewsIT-decisions-lockout");

    // ben_api's search by playbook finds this user's events the lockout decided on, and only those.
    BuxNode.await(
        user + "'s lockout events found by playbook",
        () -> !storedEvents("lockout", user).isEmpty());
    for (JsonNode event : storedEvents("lockout", user)) {
      assertTrue(event.toString().contains("\"lockout\""), event.toString());
    }
    assertEquals(List.of(), storedEvents("lock", user), "a whole playbook name, not a prefix");
  }

  private List<JsonNode> storedEvents(String playbook, String key) {
    String body =
        bux.send(
                HttpRequest.newBuilder(
                        URI.create(
                            bux.gateway()
                                + "/api/v1/events?pipeline=auth&playbook="
                                + playbook
                                + "&key="
                                + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                    .header("Cookie", cookie)
                    .build())
            .body();
    try {
      List<JsonNode> events = new ArrayList<>();
      new ObjectMapper().readTree(body).path("events").forEach(events::add);
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(body, e);
    }
  }

  @Test
  void aNewFiringAppearsLiveAndOpensItsLineageWithTheContractVersionAndTheStagesUser()
      throws IOException {
    browser.view("decisions");
    browser.until(
        "the decisions of the last minutes read",
        d -> "true".equals(browser.testId("view-decisions").getAttribute("data-loaded")));
    Set<String> before = new HashSet<>();
    browser
        .all(Browser.sel("decision-row"))
        .forEach(r -> before.add(r.getAttribute("data-event-id")));
    // A user of its own, so no other method's burst has started the lockout's cooldown for it.
    String user = "lineage-" + UUID.randomUUID().toString().substring(0, 8);
    bux.post(
        "auth",
        Files.readString(BuxNode.EXAMPLES.resolve("auth/events/attack.ndjson"))
            .replace("\"mallory\"", "\"" + user + "\""));
    // Pushed by the decisions topic: the view is not reopened.
    WebElement row =
        browser.until(
            "a new lockout firing pushed into the decisions",
            d ->
                browser.all(Browser.sel("decision-row")).stream()
                    .filter(r -> !before.contains(r.getAttribute("data-event-id")))
                    .filter(r -> "FIRED".equals(r.getAttribute("data-status")))
                    .filter(r -> cell(r, "decision-playbook").equals("lockout"))
                    .findFirst()
                    .orElse(null));
    String firing = row.getAttribute("data-event-id");
    row.findElement(By.cssSelector(Browser.sel("decision-lineage"))).click();
    browser.until("the lineage view", d -> browser.visible(Browser.sel("lineage-tree")));
    WebElement focus =
        browser.until(
            "the firing at the focus of its lineage",
            d -> browser.visible("[data-testid=lineage-node][aria-current=true]"));
    assertEquals(firing, focus.getAttribute("data-event-id"));
    WebElement staged =
        browser.until(
            "the stage of the firing's contract version",
            d -> browser.visible("[data-testid=lineage-node][data-type='ledger.staged']"));
    assertEquals(
        "by admin", staged.findElement(By.cssSelector(Browser.sel("lineage-user"))).getText());
    assertTrue(
        browser.all(Browser.sel("lineage-version-link")).stream()
            .anyMatch(a -> a.getText().equals("auth v" + bux.deployed)),
        "a link to auth v" + bux.deployed);
    // The tree is read with the keyboard: down from the focused firing reaches the next node.
    focus.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    WebElement next = browser.driver().switchTo().activeElement();
    assertEquals("lineage-node", next.getAttribute("data-testid"));
    assertFalse(firing.equals(next.getAttribute("data-event-id")), "the focus moved on");
    browser.save("BuxViewsIT-lineage-1400");
    browser.driver().manage().window().setSize(Browser.NARROW);
    browser.until("the tree at 420 px", d -> browser.visible(Browser.sel("lineage-tree")));
    browser.save("BuxViewsIT-lineage-420");
    browser.driver().manage().window().setSize(Browser.WIDE);
  }

  private boolean aDeliveredLockoutIsLogged() {
    JsonNode answer;
    try {
      answer =
          new ObjectMapper()
              .readTree(
                  bux.send(
                          HttpRequest.newBuilder(
                                  URI.create(bux.gateway() + "/api/v1/decisions?pipeline=auth"))
                              .header("Cookie", cookie)
                              .build())
                      .body());
    } catch (IOException e) {
      return false;
    }
    for (JsonNode decision : answer.path("decisions")) {
      if (decision.path("type").asText().equals("playbook.fired")
          && decision.path("data").path("playbook").asText().equals("lockout")) {
        for (JsonNode signal : decision.path("signals")) {
          for (JsonNode outcome : signal.path("outcomes")) {
            if (outcome.path("type").asText().equals("signal.delivered")) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static String cell(WebElement row, String testId) {
    return row.findElement(By.cssSelector(Browser.sel(testId))).getText();
  }

  @Test
  void theContractsViewSaysWhereTheActiveVersionRuns() {
    browser.view("contracts");
    String active = "ul.runs li[data-version='" + bux.deployed + "']";
    String runs =
        browser.until(
            "where auth's active version runs",
            d -> {
              WebElement line = browser.visible(active);
              try {
                return line == null ? null : line.getText();
              } catch (StaleElementReferenceException redrawn) {
                return null;
              }
            });
    // One node runs every stage of the pipeline's graph, each on the spine's version.
    String line = runs.replaceAll("\\s+", " ");
    assertTrue(line.matches("v" + bux.deployed + " runs on \\S+ \\(5 stages\\)"), line);
  }

  @Test
  void aContractDiffShowsTheChangedLine() throws IOException {
    Path changed = ExampleProjects.copy("auth", work.resolve("auth-changed"));
    Path guard = changed.resolve("guard.ben");
    String text = Files.readString(guard);
    assertTrue(text.contains("attempts > 5"), text);
    Files.writeString(guard, text.replace("attempts > 5", "attempts > 6"));
    long staged = bux.stage(changed);

    browser.view("contracts");
    // The list is drawn again at each push of the pipelines topic: click the row drawn last.
    browser.until(
        "auth in the pipelines, opened",
        d -> {
          WebElement open = browser.visible(Browser.sel("open-pipeline-auth"));
          try {
            if (open != null) {
              open.click();
              return true;
            }
          } catch (StaleElementReferenceException redrawn) {
            // drawn again between finding and clicking: try the new one
          }
          return null;
        });
    browser.until("auth's versions", d -> browser.visible(Browser.sel("diff-form")));
    new Select(browser.testId("diff-to")).selectByValue(Long.toString(staged));
    browser.testId("diff-run").click();
    WebElement removed = line("diff-del", "attempts > 5");
    WebElement added = line("diff-add", "attempts > 6");
    assertTrue(removed.getText().contains("failed_burst"), removed.getText());
    assertTrue(added.getText().contains("failed_burst"), added.getText());
  }

  @Test
  void theTestBenchPrintsWhatBenctlTestPrints() throws IOException {
    Path events = BuxNode.EXAMPLES.resolve("auth/events/attack.ndjson");
    // Like with like: the bundle the node runs as its active version, named by that version.
    var benctl =
        BuxNode.ok(
            BenctlHarness.run(
                "test",
                bux.bundle().toString(),
                "--contract-version",
                Long.toString(bux.deployed),
                "--events",
                events.toString(),
                "-o",
                "json"));
    assertTrue(benctl.out().contains("\"contractVersion\":\"v" + bux.deployed + "\""));

    browser.view("testbench");
    WebElement pipeline = browser.testId("testbench-pipeline");
    pipeline.clear();
    pipeline.sendKeys("auth");
    new Select(browser.testId("testbench-version")).selectByValue("active");
    browser.paste(browser.testId("testbench-events"), Files.readString(events));
    browser.testId("testbench-run").click();
    browser.testId("testbench-raw-toggle").click();
    WebElement raw =
        browser.until(
            "the test bench's raw output",
            d -> {
              WebElement r = browser.visible(Browser.sel("testbench-raw"));
              return r != null && !r.getText().isBlank() ? r : null;
            });
    assertEquals(benctl.out().strip(), raw.getText().strip());
  }

  @Test
  void searchFindsAPostedEventByItsKey() {
    String user = "bux-" + UUID.randomUUID().toString().substring(0, 8);
    bux.post(
        "auth",
        "{\"ts\": \"2024-05-01T12:00:00Z\", \"tenant\": \"acme\", \"user\": \""
            + user
            + "\", \"ip\": \"198.51.100.8\", \"country\": \"FR\", \"attempts\": 1}\n");
    // Stored events reach the query through the front-end replica, a moment after ingest.
    BuxNode.await(
        user + " stored and found by ben_api",
        () ->
            bux.send(
                    HttpRequest.newBuilder(
                            URI.create(
                                bux.gateway()
                                    + "/api/v1/events?pipeline=auth&key="
                                    + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                        .header("Cookie", cookie)
                        .build())
                .body()
                .contains(user));

    browser.view("search");
    browser.testId("search-pipeline").sendKeys("auth");
    browser.testId("search-key").sendKeys(user);
    browser.testId("search-run").click();
    WebElement row =
        browser.until(
            "a search result", d -> browser.visible(Browser.sel("search-row") + " button"));
    row.click();
    browser.until(
        "the event's body to name " + user,
        d -> browser.all(".detail .body").stream().anyMatch(b -> b.getText().contains(user)));
  }

  private static void loggedIn() {
    browser.open("/");
    // A wait ends on a non-null, non-false answer: name what was found.
    String found =
        browser.until(
            "the login form or the views",
            d ->
                browser.visible(Browser.sel("nav")) != null
                    ? "views"
                    : browser.visible(Browser.sel("login-user")) != null ? "login" : null);
    if (found.equals("login")) {
      browser.logIn("admin", bux.password);
      browser.until("the nav", d -> browser.visible(Browser.sel("nav")));
    }
    // Requests (the test bench) need the socket: wait until it is live.
    browser.until(
        "the connection to the node",
        d -> browser.visible(Browser.sel("connection") + "[data-state=live]"));
  }

  /**
   * The stage table's cells as "pipeline/stage/outcome" to value, for the keys /metrics has, read
   * in one script so a re-render between cells cannot mix two snapshots.
   */
  private static Map<String, Long> pageStageFigures(Map<String, Long> metrics) {
    Object cells =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return [...document.querySelectorAll('[data-testid=stage-table] td[data-value]')]"
                    + ".map(td => [td.parentElement.dataset.pipeline + '/' + td.parentElement"
                    + ".dataset.stage + '/' + td.dataset.outcome, td.dataset.value]);");
    Map<String, Long> shown = new TreeMap<>();
    for (Object cell : (List<?>) cells) {
      List<?> pair = (List<?>) cell;
      String key = (String) pair.get(0);
      long value = Long.parseLong((String) pair.get(1));
      // The table shows every outcome; /metrics lists only the outcomes that happened.
      if (metrics.containsKey(key) || value != 0) {
        shown.put(key, value);
      }
    }
    return shown;
  }

  private static WebElement line(String testId, String text) {
    return browser.until(
        "a " + testId + " line with `" + text + "`",
        d ->
            browser.all(Browser.sel(testId)).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
  }
}
