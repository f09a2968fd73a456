package dev.ben.bench;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventTranslator;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Literal;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.RedactOp;
import dev.ben.contracts.model.Redaction;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.contracts.model.Threshold;
import dev.ben.contracts.model.ThresholdLevel;
import dev.ben.contracts.model.ValueList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The benchmark's payment-like schema, its policy and a deterministic set of sample events. */
final class SpinePolicy {

  static final Schema SCHEMA =
      new Schema(
          "payment",
          1,
          "payments",
          List.of("tenant", "account"),
          List.of("ts"),
          List.of(
              SchemaField.required("ts", FieldType.TIMESTAMP),
              SchemaField.required("tenant", FieldType.STRING),
              SchemaField.required("account", FieldType.STRING),
              SchemaField.required("ip", FieldType.IPV4),
              SchemaField.optional("country", FieldType.STRING),
              SchemaField.required("amount", FieldType.F64),
              SchemaField.required("attempts", FieldType.U32),
              SchemaField.optional("card", FieldType.STRING),
              SchemaField.optional("email", FieldType.STRING),
              SchemaField.optional("merchant", FieldType.STRING),
              SchemaField.optional("agent", FieldType.STRING),
              SchemaField.required("items", FieldType.U16)),
          "",
          "");

  static final Map<String, ValueList> LISTS =
      Map.of(
          "risky",
              new ValueList("risky", FieldType.STRING, List.of("KP", "IR", "SY", "CU", "VE"), ""),
          "watch",
              new ValueList(
                  "watch",
                  FieldType.STRING,
                  List.of("acme shell co", "ivan petrov", "evil corp"),
                  ""));

  private SpinePolicy() {}

  /** 40 predicates, 6 thresholds of 3 levels, {@code 12 * ruleCopies} rules, 5 redactions. */
  static PolicyPack pack(int ruleCopies) {
    var predicates = new ArrayList<Predicate>();
    for (int i = 0; i < 10; i++) {
      add(
          predicates,
          "amount_over_" + i,
          new Condition.Compare("amount", CompareOp.GT, new Literal.Real(100.0 * i)));
      add(
          predicates,
          "attempts_over_" + i,
          new Condition.Compare("attempts", CompareOp.GE, new Literal.Int(i)));
    }
    for (int i = 0; i < 4; i++) {
      add(
          predicates,
          "net_" + i,
          new Condition.InCidr("ip", List.of("10." + i + ".0.0/16", "192.168." + i + ".0/24")));
      add(predicates, "items_mod_" + i, new Condition.Modulo("items", 4, i));
      add(predicates, "merchant_" + i, new Condition.StartsWith("merchant", "m" + i));
    }
    add(predicates, "risky_country", new Condition.InList("country", "risky"));
    add(predicates, "watched", new Condition.Fuzzy("merchant", "watch", 2));
    add(predicates, "bot_agent", new Condition.Matches("agent", "(?i)bot|crawler|spider"));
    add(predicates, "has_card", new Condition.IsNotNull("card"));
    add(predicates, "no_email", new Condition.IsNull("email"));
    add(predicates, "curl", new Condition.Contains("agent", "curl"));
    add(
        predicates,
        "mid_amount",
        new Condition.Between("amount", new Literal.Int(50), new Literal.Int(500)));
    add(
        predicates,
        "suspicious",
        new Condition.AnyOf(List.of("risky_country", "watched", "bot_agent")));
    var thresholds = new ArrayList<Threshold>();
    int bit = predicates.size();
    for (int t = 0; t < 6; t++) {
      String field = t % 2 == 0 ? "amount" : "attempts";
      var levels =
          List.of(
              new ThresholdLevel("LOW", bit++, new Literal.Int(10L * (t + 1))),
              new ThresholdLevel("MID", bit++, new Literal.Int(100L * (t + 1))),
              new ThresholdLevel("HIGH", bit++, new Literal.Int(1000L * (t + 1))));
      thresholds.add(new Threshold("heat" + t, field, CompareOp.GE, levels, "level" + t));
    }
    var rules = new ArrayList<Rule>();
    for (int copy = 0; copy < ruleCopies; copy++) {
      for (int r = 0; r < 12; r++) {
        rules.add(
            new Rule(
                "rule_" + copy + "_" + r,
                List.of("amount_over_" + (r % 10), "heat" + (r % 6) + ".MID"),
                List.of("suspicious", "net_" + (r % 4)),
                List.of("items_mod_" + (r % 4)),
                r,
                r % 3 == 0
                    ? new Action.Flag()
                    : r % 3 == 1 ? new Action.Sample(10) : new Action.RouteLucius()));
      }
    }
    var redactions =
        List.of(
            new Redaction("card", new RedactOp.MaskSuffix(4)),
            new Redaction("email", new RedactOp.HashKeyed()),
            new Redaction("ip", new RedactOp.GeneralizeIp(24)),
            new Redaction("agent", new RedactOp.Truncate(32)),
            new Redaction("account", new RedactOp.Hash()));
    return new PolicyPack("bench", "payment", predicates, thresholds, rules, redactions, "");
  }

  private static void add(List<Predicate> predicates, String name, Condition condition) {
    predicates.add(new Predicate(name, predicates.size(), condition));
  }

  /** Deterministic sample events with a mix of values that set different bits. */
  static Event[] events(int count) {
    var random = new SplittableRandom(7);
    var translator = new EventTranslator(SCHEMA);
    String[] countries = {"FR", "KP", "DE", "US", "IR"};
    String[] agents = {"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.1", "Googlebot/2.1", "okhttp/4"};
    Event[] events = new Event[count];
    for (int i = 0; i < count; i++) {
      String json =
          "{\"ts\":"
              + (1_700_000_000_000L + i)
              + ",\"tenant\":\"t"
              + (i % 3)
              + "\",\"account\":\"acct-"
              + random.nextInt(1000)
              + "\",\"ip\":\""
              + (random.nextBoolean() ? "10." : "203.")
              + random.nextInt(4)
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "\",\"country\":\""
              + countries[random.nextInt(countries.length)]
              + "\",\"amount\":"
              + random.nextInt(5000)
              + ".5"
              + ",\"attempts\":"
              + random.nextInt(2000)
              + ",\"card\":\"4111 1111 1111 "
              + (1000 + i % 9000)
              + "\",\"email\":\"user"
              + i
              + "@example.org\",\"merchant\":\""
              + (i % 7 == 0 ? "acme shel co" : "m" + random.nextInt(10) + " store")
              + "\",\"agent\":\""
              + agents[random.nextInt(agents.length)]
              + "\",\"items\":"
              + random.nextInt(100)
              + "}";
      var translation = translator.translate(json.getBytes(StandardCharsets.UTF_8));
      if (!(translation instanceof Translation.Accepted accepted)) {
        throw new IllegalStateException(((Translation.Refused) translation).message());
      }
      events[i] = accepted.event();
    }
    return events;
  }
}
