package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.DetectorDecl.Feature;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.QualifiedName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks detectors: key fields, feature parameters and the policy bits their conditions refer to.
 */
final class DetectorChecker {
  static final long SECOND = 1_000L;
  static final long DAY = 86_400_000L;

  private final CheckContext context;
  private final Diagnostics diagnostics;
  private final LiteralChecker literals;

  DetectorChecker(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
    this.literals = context.literals;
  }

  void check(DetectorDecl detector) {
    SchemaScope scope = context.scopeOf(detector.schema());
    if (scope == null) {
      return;
    }
    scope.addDetector(detector);
    for (Ident key : detector.by()) {
      BenType type = context.field(scope.schema(), key);
      if (type != null && type.isArray()) {
        diagnostics.error(key.span(), "cannot keep state by array field `" + key.name() + "`");
      }
    }
    Map<String, Feature> names = new HashMap<>();
    for (Feature feature : detector.features()) {
      Feature first = names.putIfAbsent(feature.name(), feature);
      if (first != null) {
        diagnostics.error(
            feature.nameSpan(),
            "detector `"
                + detector.name().name()
                + "` already has a value "
                + "named `"
                + feature.name()
                + "`",
            "give it another name with `as NAME`");
      }
      feature(detector, scope, feature);
    }
    if (detector.features().isEmpty()) {
      diagnostics.error(
          detector.name().span(),
          "detector `" + detector.name().name() + "` computes nothing",
          "add a feature such as `count over 5m as events`");
    }
  }

  private void feature(DetectorDecl detector, SchemaScope scope, Feature feature) {
    if (feature instanceof DetectorDecl.Window window) {
      literals.durationIn(window.window(), SECOND, 7 * DAY, "a window", "1s and 7d");
      if (window.field() != null) {
        boolean numeric = !window.kind().name().equals("distinct");
        field(scope, window.field(), numeric, window.kind().name());
      }
      if (window.where() != null) {
        condition(detector, scope, window.where());
      }
    } else if (feature instanceof DetectorDecl.TtlCounter counter) {
      literals.durationIn(counter.ttl(), SECOND, 30 * DAY, "a ttl", "1s and 30d");
      SchemaScope.Member rule = scope.member(counter.rule().name());
      if (rule == null || !rule.kind().equals("rule")) {
        diagnostics.error(
            counter.rule().span(),
            "unknown rule `"
                + counter.rule().name()
                + "` on schema `"
                + scope.schema().name()
                + "`",
            DiagnosticRenderer.didYouMean(counter.rule().name(), scope.names(List.of("rule"))));
      } else {
        context.usesPolicy(detector, rule.policy());
      }
    } else if (feature instanceof DetectorDecl.Ewma ewma) {
      field(scope, ewma.field(), true, "ewma");
      literals.decimalIn(ewma.alpha(), 0, false, 1, "alpha");
    } else if (feature instanceof DetectorDecl.Cusum cusum) {
      field(scope, cusum.field(), true, "cusum");
      literals.decimalIn(cusum.k(), 0, true, 1e12, "k (the allowed slack)");
      literals.decimalIn(cusum.h(), 0, false, 1e12, "h (the alarm level)");
    } else if (feature instanceof DetectorDecl.Anomaly anomaly) {
      field(scope, anomaly.field(), true, "anomaly");
      Literal window = anomaly.window();
      if (window != null) {
        literals.integerIn(window, 16, 100_000, "the anomaly window (observations)");
      }
    }
  }

  private void field(SchemaScope scope, Ident field, boolean numeric, String feature) {
    BenType type = context.field(scope.schema(), field);
    if (type == null) {
      return;
    }
    if (type.isArray()) {
      diagnostics.error(
          field.span(), "`" + feature + "` cannot use array field `" + field.name() + "`");
    } else if (numeric && !type.prim().isNumeric()) {
      diagnostics.error(
          field.span(),
          "`"
              + feature
              + "` needs a numeric field, but `"
              + field.name()
              + "` is `"
              + type.spelling()
              + "`");
    }
  }

  private void condition(DetectorDecl detector, SchemaScope scope, QualifiedName where) {
    SchemaScope.Member member =
        new BitReferences(context, scope)
            .resolveCondition(where, "detector `" + detector.name().name() + "`", false);
    if (member != null) {
      context.usesPolicy(detector, member.policy());
    }
  }
}
