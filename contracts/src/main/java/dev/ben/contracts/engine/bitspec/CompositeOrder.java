package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.Predicate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Orders composite predicates so each runs after the predicates it reads, and refuses cycles with
 * the path that forms them (a composition that depends on itself has no value).
 */
final class CompositeOrder {

  private CompositeOrder() {}

  static List<Predicate> of(List<Predicate> predicates, List<String> bitNames) {
    Map<String, Predicate> composites = new HashMap<>();
    for (Predicate predicate : predicates) {
      if (predicate.condition() instanceof Condition.Composite) {
        composites.put(predicate.name(), predicate);
      }
    }
    var ordered = new LinkedHashSet<Predicate>();
    for (Predicate predicate : predicates) {
      if (composites.containsKey(predicate.name())) {
        visit(predicate, composites, ordered, new ArrayList<>(), bitNames);
      }
    }
    return List.copyOf(ordered);
  }

  private static void visit(
      Predicate predicate,
      Map<String, Predicate> composites,
      LinkedHashSet<Predicate> ordered,
      List<String> path,
      List<String> bitNames) {
    if (ordered.contains(predicate)) {
      return;
    }
    if (path.contains(predicate.name())) {
      path.add(predicate.name());
      throw new IllegalArgumentException(
          "predicate '" + predicate.name() + "' depends on itself: " + String.join(" -> ", path));
    }
    path.add(predicate.name());
    for (String used : ((Condition.Composite) predicate.condition()).predicates()) {
      if (!bitNames.contains(used)) {
        throw new IllegalArgumentException(
            "predicate '"
                + predicate.name()
                + "' refers to unknown '"
                + used
                + "'; known bits: "
                + bitNames);
      }
      Predicate dependency = composites.get(used);
      if (dependency != null) {
        visit(dependency, composites, ordered, path, bitNames);
      }
    }
    path.remove(path.size() - 1);
    ordered.add(predicate);
  }

  static BitProbe compile(Predicate predicate, List<String> bitNames) {
    var composite = (Condition.Composite) predicate.condition();
    String where = "predicate '" + predicate.name() + "'";
    if (composite.predicates().isEmpty()) {
      throw new IllegalArgumentException(where + " composes no predicates");
    }
    long[] bits = Bits.maskOf(composite.predicates(), bitNames, where);
    ValueTests.Composite.Kind kind =
        composite instanceof Condition.AllOf
            ? ValueTests.Composite.Kind.ALL
            : composite instanceof Condition.AnyOf
                ? ValueTests.Composite.Kind.ANY
                : ValueTests.Composite.Kind.NOT;
    return new ValueTests.Composite(bits, kind);
  }
}
