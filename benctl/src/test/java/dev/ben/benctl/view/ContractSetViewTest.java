package dev.ben.benctl.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.out.Json;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.ProjectLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractSetViewTest {

  private static ContractSet auth;
  private static ContractSet web;

  @BeforeAll
  static void compileExamples() {
    auth = ProjectLoader.load(Path.of("../examples/auth")).compile("dev").orElseThrow();
    web = ProjectLoader.load(Path.of("../examples/web")).compile("dev").orElseThrow();
  }

  private static String text(ContractSet contracts, Section... sections) {
    return ContractSetView.text(contracts, Section.expand(List.of(sections)));
  }

  @Test
  void bitsMapEveryIndexToItsPredicateOrThresholdLevel() {
    assertEquals(
        """
        policy login_guard on login: 8 bits
          BIT  NAME            TEST                             FACT
          0    failed_burst    attempts > 5                     -
          1    risky_country   country in high_risk_countries   -
          2    internal_ip     ip in cidr("10.0.0.0/8")         -
          3    sanctioned      user ~ sanctions_names within 2  -
          4    has_attachment  attachment != null               -
          5    heat.WARM       attempts >= 3                    attempts_level
          6    heat.HOT        attempts >= 10                   attempts_level
          7    heat.SCORCH     attempts >= 50                   attempts_level
        """,
        text(auth, Section.bits));
  }

  @Test
  void rulesAreListedInCheckOrderWithTheRedactions() {
    assertEquals(
        """
        policy privacy on page_view
          PRIORITY  RULE           ALL         ANY                 NONE        ACTION
          100       drop_crawlers  is_crawler  -                   -           drop_with_reason(crawler traffic)
          50        flag_probes    suspicious  -                   is_crawler  flag
          0         slow_pages     -           slowness.VERY_SLOW  -           sample(10)

          REDACT     OPERATION
          client_ip  generalize_ip(24)
          visitor    hash(keyed)
          referrer   truncate(200)
        """,
        text(web, Section.rules));
  }

  @Test
  void schemasShowTypesAndPiiAndTheDdlIsReadyToPaste() {
    String schemas = text(auth, Section.schemas);
    assertTrue(
        schemas.startsWith(
            "schema login v1\n  table        logins\n  key          [tenant, user]\n"
                + "  order_by     [tenant, ts]\n  fingerprint  sha256:"),
        schemas);
    assertTrue(
        schemas.contains("\n  FIELD       TYPE       PII\n  ts          timestamp\n"), schemas);
    assertTrue(schemas.contains("\n  card        string?    @pii\n"), schemas);

    String ddl = text(web, Section.ddl);
    assertTrue(
        ddl.startsWith(
            "-- schema page_view v1, table page_views\nCREATE TABLE IF NOT EXISTS `page_views`"
                + " (\n"),
        ddl);
    assertTrue(ddl.endsWith("\nORDER BY (`site`, `ts`, `event_id`);\n"), ddl);
    assertEquals(
        web.schemas().get(0).ddl() + ";",
        ddl.lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow());
  }

  @Test
  void detectorsPlaybooksAndPipelinesReadLikeTheirSources() {
    String reactions = text(auth, Section.detectors, Section.playbooks, Section.pipelines);
    assertTrue(
        reactions.startsWith("== detectors ==\n\ndetector login_rate on login by user (at most "),
        reactions);
    assertTrue(
        reactions.contains(
            """
          login_rate.fails           count over 5m where failed_burst
          login_rate.attempts_ewma   ewma attempts alpha 0.2
          login_rate.attempts_cusum  cusum attempts k 0.5 h 5
          login_rate.strikes         ttl_counter ttl 1h incr on brute_force
        """),
        reactions);
    assertTrue(
        reactions.contains(
            """
        playbook lockout on login
          when     brute_force and login_rate.fails > 20
          emit     lock_account(user = user, reason = "brute force")
          bound    at_most 10 per 1m, cooldown 5m per user
          explain  more than 20 failed bursts in 5 minutes from outside the network
        """),
        reactions);
    assertTrue(
        reactions.contains(
            "\n  sidecar    http; uds \"auth.sock\"\n  proxy      buffer 10000, high_watermark"
                + " 0.8, low_watermark 0.5, overload shed_oldest, coalesce 64\n  spines     2\n"),
        reactions);
  }

  @Test
  void everySectionIsTitledWhenSeveralAreShown() {
    String all = text(auth, Section.all);
    List<String> titles = all.lines().filter(line -> line.startsWith("== ")).toList();
    assertEquals(
        List.of(
            "== schemas ==",
            "== lists ==",
            "== ddl ==",
            "== bits ==",
            "== rules ==",
            "== detectors ==",
            "== playbooks ==",
            "== pipelines =="),
        titles);
    assertFalse(text(auth, Section.ddl).contains("=="), "a single section has no title");
  }

  @Test
  void anEmptyContractSetSaysWhatItLacks() {
    var empty =
        new ContractSet(
            "empty", "dev", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());
    assertEquals("no policies\n", text(empty, Section.bits));
    assertEquals(
        "== lists ==\n\nno lists\n\n== ddl ==\n\nno schemas\n",
        text(empty, Section.lists, Section.ddl));
  }

  @Test
  void jsonCarriesTheSameFactsPerSection() {
    var json =
        ContractSetView.json(
            auth, Section.expand(List.of(Section.bits, Section.playbooks)), Json.object());
    assertEquals(List.of("bits", "signals", "playbooks"), names(json.fieldNames()));
    var bit = json.get("bits").get(0).get("bits").get(6);
    assertEquals(6, bit.get("bit").intValue());
    assertEquals("heat.HOT", bit.get("name").textValue());
    assertEquals("threshold", bit.get("kind").textValue());
    assertEquals("attempts_level", bit.get("fact").textValue());
    var playbook = json.get("playbooks").get(0);
    assertEquals("brute_force and login_rate.fails > 20", playbook.get("when").textValue());
    assertEquals("at_most 10 per 1m, cooldown 5m per user", playbook.get("bound").textValue());

    var all = ContractSetView.json(web, Section.expand(List.of()), Json.object());
    assertEquals(
        List.of(
            "schemas",
            "lists",
            "ddl",
            "bits",
            "rules",
            "detectors",
            "signals",
            "playbooks",
            "pipelines"),
        names(all.fieldNames()));
    var visitor = all.get("schemas").get(0).get("fields").get(7);
    assertEquals("visitor", visitor.get("name").textValue());
    assertTrue(visitor.get("pii").booleanValue());
    assertEquals(
        "drop_with_reason(crawler traffic)",
        all.get("rules").get(0).get("rules").get(0).get("action").textValue());
    assertEquals("sample", all.get("pipelines").get(0).get("proxy").get("overload").textValue());
  }

  private static List<String> names(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
