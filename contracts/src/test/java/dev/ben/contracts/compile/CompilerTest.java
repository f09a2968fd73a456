package dev.ben.contracts.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.Literal;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.OverloadPolicy;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PlaybookCondition;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.RedactOp;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerTest {

  static ContractSet compileExample(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples").resolve(name))) {
      dir = dir.getParent();
    }
    LoadedProject project = ProjectLoader.load(dir.resolve("examples").resolve(name));
    return project
        .compile("v1")
        .orElseThrow(() -> new AssertionError(project.diagnostics().render()));
  }

  static ContractSet compile(String sources) {
    LoadedProject project =
        ProjectLoader.load(
            SourceTree.of(
                Map.of("ben.project", "name = \"t\"\nkey = \"t.key\"\n", "t.ben", sources)));
    return project
        .compile("v7")
        .orElseThrow(() -> new AssertionError(project.diagnostics().render()));
  }

  @Test
  void authExampleCompilesToBitsInDeclarationOrder() {
    ContractSet set = compileExample("auth");
    PolicyPack guard = set.policy("login_guard").orElseThrow();
    assertEquals(
        List.of(
            "failed_burst",
            "risky_country",
            "internal_ip",
            "sanctioned",
            "has_attachment",
            "heat.WARM",
            "heat.HOT",
            "heat.SCORCH"),
        guard.bitNames());
    assertEquals(
        new Condition.Compare("attempts", CompareOp.GT, new Literal.Int(5)),
        guard.predicates().get(0).condition());
    assertEquals(
        new Condition.InCidr("ip", List.of("10.0.0.0/8")), guard.predicates().get(2).condition());
    assertEquals(
        new Condition.Fuzzy("user", "sanctions_names", 2), guard.predicates().get(3).condition());
    assertEquals(new Condition.IsNotNull("attachment"), guard.predicates().get(4).condition());
    assertEquals(
        List.of("brute_force", "scan_blob"), guard.rules().stream().map(Rule::name).toList());
    assertEquals(
        new Rule(
            "brute_force",
            List.of("failed_burst"),
            List.of(),
            List.of("internal_ip"),
            10,
            new Action.Flag()),
        guard.rules().get(0));
    assertEquals(new RedactOp.MaskSuffix(4), guard.redactions().get(0).op());
    assertEquals(new RedactOp.HashKeyed(), guard.redactions().get(1).op());
    assertEquals(
        List.of("ivan petrov", "maria gonzalez", "john doe"),
        set.list("sanctions_names").orElseThrow().values());
  }

  @Test
  void authExampleDetectorPlaybookAndPipeline() {
    ContractSet set = compileExample("auth");
    assertEquals(
        List.of(
            new Feature.Window(
                "fails", dev.ben.contracts.model.AggregateFn.COUNT, null, 300_000, "failed_burst"),
            new Feature.Ewma("attempts_ewma", "attempts", 0.2),
            new Feature.Cusum("attempts_cusum", "attempts", 0.5, 5),
            new Feature.TtlCounter("strikes", 3_600_000, "brute_force")),
        set.detector("login_rate").orElseThrow().features());
    Playbook lockout = set.playbook("lockout").orElseThrow();
    assertEquals(
        new PlaybookCondition.All(
            List.of(
                new PlaybookCondition.RuleFired("brute_force"),
                new PlaybookCondition.DetectorCompare("login_rate", "fails", CompareOp.GT, 20))),
        lockout.when());
    assertEquals(60_000, lockout.bound().perMillis());
    assertEquals(300_000, lockout.bound().cooldownMillis());
    assertEquals(List.of("user"), lockout.bound().cooldownScope());
    Pipeline auth = set.pipeline("auth").orElseThrow();
    assertEquals("auth.sock", auth.sidecar().uds());
    assertEquals(OverloadPolicy.SHED_OLDEST, auth.proxy().overload());
    assertEquals(64, auth.proxy().coalesce());
    assertEquals(2, auth.spines());
    assertTrue(auth.store().replica());
  }

  @Test
  void schemaDdlTargetsClickHouse1816() {
    assertEquals(
        """
        CREATE TABLE IF NOT EXISTS `logins` (
          `event_id` String,
          `ingested_at` DateTime,
          `app` String,
          `contract_version` UInt64,
          `bits` Array(String),
          `rules` Array(String),
          `action` String,
          `facts` String,
          `detector_values` String,
          `playbook_outcomes` String,
          `anomaly_score` Nullable(Float64),
          `ts` DateTime,
          `tenant` String,
          `user` String,
          `ip` String,
          `country` Nullable(String),
          `attempts` UInt32,
          `card` Nullable(String),
          `email` Nullable(String),
          `attachment` Nullable(String)
        ) ENGINE = ReplacingMergeTree(`ingested_at`)
        ORDER BY (`tenant`, `ts`, `event_id`)""",
        compileExample("auth").schema("login").orElseThrow().ddl());
  }

  @Test
  void compilationIsDeterministicSealedAndRoundTrips() {
    byte[] first = ModelJson.toBytes(compileExample("auth"));
    byte[] second = ModelJson.toBytes(compileExample("auth"));
    assertArrayEquals(first, second);
    ContractSet set = ModelJson.fromJson(first, ContractSet.class);
    assertEquals(compileExample("auth"), set);
    set.schemas().forEach(schema -> assertTrue(ModelJson.verify(schema)));
    set.policies().forEach(policy -> assertTrue(ModelJson.verify(policy)));
    set.playbooks().forEach(playbook -> assertTrue(ModelJson.verify(playbook)));
    set.pipelines().forEach(pipeline -> assertTrue(ModelJson.verify(pipeline)));
    assertTrue(set.schema("login").orElseThrow().fingerprint().startsWith("sha256:"));
  }

  @Test
  void webExampleCompilesPrivacyRedactions() {
    ContractSet set = compileExample("web");
    PolicyPack privacy = set.policy("privacy").orElseThrow();
    assertEquals(
        List.of(
            new RedactOp.GeneralizeIp(24), new RedactOp.HashKeyed(), new RedactOp.Truncate(200)),
        privacy.redactions().stream().map(r -> r.op()).toList());
    assertEquals(
        List.of("drop_crawlers", "flag_probes", "slow_pages"),
        privacy.rules().stream().map(Rule::name).toList());
    assertEquals(new Action.DropWithReason("crawler traffic"), privacy.rules().get(0).action());
    assertEquals(
        new Feature.Anomaly("latency_spike", "duration_ms", 256),
        set.detector("traffic").orElseThrow().features().get(4));
    assertEquals("web", set.project());
  }
}
