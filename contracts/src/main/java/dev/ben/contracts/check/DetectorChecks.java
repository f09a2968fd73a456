package dev.ben.contracts.check;

import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks a detector: key fields, each feature's field, window, predicate, rule and parameters. */
final class DetectorChecks {

  private static final Set<String> NUMERIC_FEATURES = Set.of("sum", "avg", "min", "max", "ewma", "cusum", "anomaly");

  private DetectorChecks() {}

  /** Returns the detector's feature names, which playbooks may read as `detector.feature`. */
  static Set<String> check(Ast.Detector detector, CheckContext c, Map<String, List<Ast.Name>> piiUses) {
    Set<String> names = new TreeSet<>();
    Optional<SchemaView> found = c.schema(detector.schema());
    if (found.isEmpty()) {
      detector.features().forEach(f -> names.add(f.featureName()));
      return names;
    }
    SchemaView schema = found.get();
    List<PolicyView> policies = c.policiesOn(schema.name());
    for (Ast.Name key : detector.by()) {
      schema.field(key, c.d).ifPresent(t -> notePii(schema, key, piiUses));
    }
    for (Ast.Feature f : detector.features()) {
      if (!names.add(f.featureName())) {
        c.error(f.alias().orElse(f.kind()).span(), "duplicate feature `" + f.featureName() + "` in detector `"
            + detector.name().text() + "`", "name it with `as OTHER_NAME`");
      }
      f.field().ifPresent(field -> schema.field(field, c.d).ifPresent(type -> {
        notePii(schema, field, piiUses);
        if (NUMERIC_FEATURES.contains(f.kind().text()) && (!type.scalar().numeric() || type.array())) {
          c.error(field.span(), "`" + f.kind().text() + "` needs a number but `" + field.text() + "` is "
              + type.describe(), null);
        }
      }));
      f.over().ifPresent(over -> c.positiveDuration(over, "the window"));
      f.ttl().ifPresent(ttl -> c.positiveDuration(ttl, "the ttl"));
      f.where().ifPresent(p -> reference(p, "predicate", policies.stream().flatMap(v -> v.predicates().stream())
          .collect(java.util.stream.Collectors.toSet()), schema, c));
      f.incrOn().ifPresent(r -> reference(r, "rule", policies.stream().flatMap(v -> v.rules().stream())
          .collect(java.util.stream.Collectors.toSet()), schema, c));
      f.alpha().flatMap(a -> c.number(a, "alpha")).filter(a -> a <= 0 || a > 1).ifPresent(a -> c.error(
          f.alpha().get().span(), "alpha must be above 0 and at most 1, got " + f.alpha().get().text(),
          "0.2 weighs the newest value by a fifth"));
      f.k().flatMap(k -> c.number(k, "k")).filter(k -> k < 0).ifPresent(k -> c.error(f.k().get().span(),
          "k must not be negative", null));
      f.h().flatMap(h -> c.number(h, "h")).filter(h -> h <= 0).ifPresent(h -> c.error(f.h().get().span(),
          "h must be above 0", null));
      f.window().ifPresent(w -> c.intIn(w, 8, 100_000, "the anomaly window"));
    }
    return names;
  }

  private static void reference(Ast.Name ref, String kind, Set<String> known, SchemaView schema, CheckContext c) {
    if (!known.contains(ref.text())) {
      c.error(ref.span(), "unknown " + kind + " `" + ref.text() + "` (no policy on schema `" + schema.name()
          + "` defines it)", Suggestions.didYouMean(ref.text(), known));
    }
  }

  /** Records where a detector reads a @pii field, so the checker can warn when no policy redacts it. */
  private static void notePii(SchemaView schema, Ast.Name field, Map<String, List<Ast.Name>> piiUses) {
    if (schema.pii().contains(field.text())) {
      piiUses.computeIfAbsent(schema.name() + "." + field.text(), k -> new java.util.ArrayList<>()).add(field);
    }
  }
}
