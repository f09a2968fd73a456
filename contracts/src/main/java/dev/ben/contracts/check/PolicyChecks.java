package dev.ben.contracts.check;

import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a policy: names, predicates, thresholds, rules and redactions; records its {@link PolicyView}. */
final class PolicyChecks {

  private static final Set<String> COMPARISONS = Set.of("gte", "gt", "lte", "lt");

  private PolicyChecks() {}

  static void check(Ast.Policy policy, CheckContext c) {
    Optional<SchemaView> found = c.schema(policy.schema());
    Map<String, Ast.PredicateDecl> predicates = new LinkedHashMap<>();
    Set<String> bits = new LinkedHashSet<>();
    for (Ast.PredicateDecl p : policy.predicates()) {
      unique(c, bits, p.name(), "predicate");
      predicates.putIfAbsent(p.name().text(), p);
    }
    Map<String, Set<String>> facts = new LinkedHashMap<>();
    for (Ast.Threshold t : policy.thresholds()) {
      Set<String> levels = new LinkedHashSet<>();
      t.levels().forEach(level -> {
        unique(c, bits, level.name(), "threshold level");
        levels.add(level.name().text());
      });
      if (facts.put(t.fact().text(), levels) != null) {
        c.error(t.fact().span(), "duplicate fact `" + t.fact().text() + "` in policy `" + policy.name().text() + "`",
            null);
      }
    }
    found.ifPresent(schema -> {
      PredicateChecks checks = new PredicateChecks(c, schema, predicates);
      policy.predicates().forEach(p -> checks.check(p.body()));
      policy.thresholds().forEach(t -> threshold(t, schema, c));
      new CompositionCycles(c, predicates).check();
    });
    Set<String> rules = new HashSet<>();
    for (Ast.Rule rule : policy.rules()) {
      if (!rules.add(rule.name().text())) {
        c.error(rule.name().span(), "duplicate rule `" + rule.name().text() + "`", null);
      }
      RuleChecks.check(rule, bits, c);
    }
    Set<String> redacted = new HashSet<>();
    for (Ast.Redaction r : policy.redactions()) {
      if (!redacted.add(r.field().text())) {
        c.error(r.field().span(), "field `" + r.field().text() + "` is redacted twice",
            "keep one redaction per field");
      }
      found.ifPresent(schema -> RedactionChecks.check(r, schema, c));
    }
    c.policies.put(policy.name().text(), new PolicyView(policy.name().text(), policy.schema().text(),
        predicates.keySet(), bits, rules, facts, redacted));
  }

  private static void unique(CheckContext c, Set<String> bits, Ast.Name name, String what) {
    if (!bits.add(name.text())) {
      c.error(name.span(), "duplicate name `" + name.text() + "`: predicates and threshold levels share one namespace",
          "rename this " + what);
    }
  }

  private static void threshold(Ast.Threshold t, SchemaView schema, CheckContext c) {
    schema.field(t.field(), c.d).ifPresent(type -> {
      if (!type.scalar().numeric() || type.array()) {
        c.error(t.field().span(), "threshold `" + t.name().text() + "` needs a number but `" + t.field().text()
            + "` is " + type.describe(), null);
      }
    });
    if (!COMPARISONS.contains(t.comparison().text())) {
      c.error(t.comparison().span(), "unknown threshold comparison `" + t.comparison().text() + "`",
          Optional.ofNullable(Suggestions.didYouMean(t.comparison().text(), COMPARISONS))
              .orElse("use gte, gt, lte or lt"));
      return;
    }
    if (t.levels().isEmpty()) {
      c.error(t.name().span(), "threshold `" + t.name().text() + "` has no levels", "add `{ WARM = 3, HOT = 10 }`");
      return;
    }
    boolean ascending = t.comparison().text().startsWith("g");
    Double previous = null;
    Ast.Level previousLevel = null;
    for (Ast.Level level : t.levels()) {
      Optional<Double> value = c.number(level.value(), "level `" + level.name().text() + "`");
      if (value.isEmpty()) {
        continue;
      }
      if (previous != null && (ascending ? value.get() <= previous : value.get() >= previous)) {
        c.error(level.value().span(), "threshold levels are not ordered: `" + level.name().text() + "` ("
                + level.value().text() + ") must be " + (ascending ? "above" : "below") + " `"
                + previousLevel.name().text() + "` (" + previousLevel.value().text() + ")",
            "with " + t.comparison().text() + ", list levels from " + (ascending ? "lowest to highest" : "highest to lowest"));
      }
      previous = value.get();
      previousLevel = level;
    }
  }
}
