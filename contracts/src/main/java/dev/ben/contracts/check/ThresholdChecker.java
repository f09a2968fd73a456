package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.PolicyDecl.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks thresholds: a numeric field, a known direction, and levels ordered so that each level is
 * stricter than the previous one (ascending for gte/gt, descending for lte/lt), which is what makes
 * "highest passing level" mean something.
 */
final class ThresholdChecker {
  static final List<String> DIRECTIONS = List.of("gte", "gt", "lte", "lt");

  private final CheckContext context;
  private final Diagnostics diagnostics;
  private final SchemaScope scope;

  ThresholdChecker(CheckContext context, SchemaScope scope) {
    this.context = context;
    this.diagnostics = context.diagnostics;
    this.scope = scope;
  }

  void check(PolicyDecl.Threshold threshold) {
    String direction = threshold.direction().name();
    boolean knownDirection = DIRECTIONS.contains(direction);
    if (!knownDirection) {
      diagnostics.error(
          threshold.direction().span(),
          "unknown threshold comparison `" + direction + "`; expected `gte`, `gt`, `lte` or `lt`",
          DiagnosticRenderer.didYouMean(direction, DIRECTIONS));
    }
    if (threshold.levels().isEmpty()) {
      diagnostics.error(
          threshold.name().span(),
          "threshold `" + threshold.name().name() + "` has no levels",
          "add levels such as `{ WARM = 3, HOT = 10 }`");
    }
    Set<String> names = new HashSet<>();
    for (Level level : threshold.levels()) {
      if (!names.add(level.name().name())) {
        diagnostics.error(
            level.name().span(),
            "duplicate level `"
                + level.name().name()
                + "` in threshold `"
                + threshold.name().name()
                + "`");
      }
    }
    BenType type = context.field(scope.schema(), threshold.field());
    if (type == null) {
      return;
    }
    if (type.isArray() || !type.prim().isNumeric()) {
      diagnostics.error(
          threshold.field().span(),
          "threshold needs a numeric field, but `"
              + threshold.field().name()
              + "` is `"
              + type.spelling()
              + "`");
      return;
    }
    if (knownDirection) {
      ordered(threshold, type.prim(), direction.startsWith("g"));
    }
  }

  private void ordered(PolicyDecl.Threshold threshold, Prim prim, boolean ascending) {
    Object previous = null;
    Level previousLevel = null;
    for (Level level : threshold.levels()) {
      Object value =
          context.literals.value(level.value(), prim, "for level `" + level.name().name() + "`");
      if (value == null) {
        continue;
      }
      if (previous != null) {
        int order = Values.compare(value, previous);
        if (ascending ? order <= 0 : order >= 0) {
          diagnostics.error(
              level.value().span(),
              "threshold levels must "
                  + (ascending ? "increase" : "decrease")
                  + " for `"
                  + threshold.direction().name()
                  + "`: `"
                  + level.name().name()
                  + " = "
                  + level.value().source()
                  + "` is not "
                  + (ascending ? "above" : "below")
                  + " `"
                  + previousLevel.name().name()
                  + " = "
                  + previousLevel.value().source()
                  + "`",
              "list levels from the mildest to the most severe");
        }
      }
      previous = value;
      previousLevel = level;
    }
  }
}
