package dev.ben.contracts.model;

import java.util.List;

/** The contracts of examples/auth built programmatically; shared by model and engine tests. */
public final class ExampleContracts {

  public static final long MINUTE = 60_000L;

  private ExampleContracts() {}

  public static Schema loginSchema() {
    return ModelJson.seal(
        new Schema(
            "login",
            1,
            "logins",
            List.of("tenant", "user"),
            List.of("tenant", "ts"),
            List.of(
                SchemaField.required("ts", FieldType.TIMESTAMP),
                SchemaField.required("tenant", FieldType.STRING),
                SchemaField.required("user", FieldType.STRING),
                SchemaField.required("ip", FieldType.IPV4),
                SchemaField.optional("country", FieldType.STRING),
                SchemaField.required("attempts", FieldType.U32),
                SchemaField.optional("card", FieldType.STRING).asPii(),
                SchemaField.optional("email", FieldType.STRING).asPii(),
                SchemaField.optional("attachment", FieldType.STRING)),
            "CREATE TABLE IF NOT EXISTS logins (event_id String, ingested_at DateTime, app String, contract_version "
                + "UInt64, bits Array(String), rules Array(String), action String, facts String, detector_values String, "
                + "playbook_outcomes String, anomaly_score Nullable(Float64), ...) "
                + "ENGINE = ReplacingMergeTree(ingested_at) ORDER BY (tenant, ts, event_id)",
            ""));
  }

  public static List<ValueList> lists() {
    return List.of(
        ModelJson.seal(
            new ValueList("high_risk_countries", FieldType.STRING, List.of("KP", "IR", "SY"), "")),
        ModelJson.seal(
            new ValueList(
                "sanctions_names",
                FieldType.STRING,
                List.of("ivan petrov", "kim jong", "evil corp"),
                "")));
  }

  public static PolicyPack loginGuard() {
    var predicates =
        List.of(
            new Predicate(
                "failed_burst",
                0,
                new Condition.Compare("attempts", CompareOp.GT, new Literal.Int(5))),
            new Predicate(
                "risky_country", 1, new Condition.InList("country", "high_risk_countries")),
            new Predicate("internal_ip", 2, new Condition.InCidr("ip", List.of("10.0.0.0/8"))),
            new Predicate("sanctioned", 3, new Condition.Fuzzy("user", "sanctions_names", 2)),
            new Predicate("has_attachment", 4, new Condition.IsNotNull("attachment")));
    var heat =
        new Threshold(
            "heat",
            "attempts",
            CompareOp.GE,
            List.of(
                new ThresholdLevel("WARM", 5, new Literal.Int(3)),
                new ThresholdLevel("HOT", 6, new Literal.Int(10)),
                new ThresholdLevel("SCORCH", 7, new Literal.Int(50))),
            "attempts_level");
    var rules =
        List.of(
            new Rule(
                "brute_force",
                List.of("failed_burst"),
                List.of(),
                List.of("internal_ip"),
                10,
                new Action.Flag()),
            new Rule(
                "scan_blob",
                List.of(),
                List.of("has_attachment"),
                List.of(),
                0,
                new Action.RouteLucius()));
    var redactions =
        List.of(
            new Redaction("card", new RedactOp.MaskSuffix(4)),
            new Redaction("email", new RedactOp.HashKeyed()));
    return ModelJson.seal(
        new PolicyPack("login_guard", "login", predicates, List.of(heat), rules, redactions, ""));
  }

  public static DetectorSpec loginRate() {
    return ModelJson.seal(
        new DetectorSpec(
            "login_rate",
            "login",
            List.of("user"),
            10_000,
            List.of(
                new Feature.Window("fails", AggregateFn.COUNT, null, 5 * MINUTE, "failed_burst"),
                new Feature.Ewma("ewma_attempts", "attempts", 0.2),
                new Feature.Cusum("cusum_attempts", "attempts", 0.5, 5),
                new Feature.TtlCounter("strikes", 60 * MINUTE, "brute_force")),
            ""));
  }

  public static Signal lockAccount() {
    return ModelJson.seal(
        new Signal(
            "lock_account",
            List.of(
                new SignalArg("user", FieldType.STRING), new SignalArg("reason", FieldType.STRING)),
            ""));
  }

  public static Playbook lockout() {
    var when =
        new PlaybookCondition.All(
            List.of(
                new PlaybookCondition.RuleFired("brute_force"),
                new PlaybookCondition.DetectorCompare("login_rate", "fails", CompareOp.GT, 20)));
    var emit =
        new Emit(
            "lock_account",
            List.of(
                new EmitArg("user", new ArgExpr.FieldRef("user")),
                new EmitArg("reason", new ArgExpr.Const(new Literal.Text("brute force")))));
    return ModelJson.seal(
        new Playbook(
            "lockout",
            "login",
            when,
            emit,
            new PlaybookBound(10, MINUTE, 5 * MINUTE, List.of("user")),
            "more than 20 failed bursts in 5 minutes from outside the network",
            ""));
  }

  public static Pipeline auth() {
    return ModelJson.seal(
        new Pipeline(
            "auth",
            List.of("login"),
            List.of("login_guard"),
            List.of("login_rate"),
            List.of("lockout"),
            new SidecarSettings(true, "auth.sock"),
            new ProxySettings(10_000, 0.8, 0.5, OverloadPolicy.SHED_OLDEST, 64),
            2,
            new StoreSettings("logins", true),
            ""));
  }

  public static ContractSet contractSet() {
    return new ContractSet(
        "example",
        "1",
        List.of(loginSchema()),
        lists(),
        List.of(loginGuard()),
        List.of(loginRate()),
        List.of(lockAccount()),
        List.of(lockout()),
        List.of(auth()));
  }
}
