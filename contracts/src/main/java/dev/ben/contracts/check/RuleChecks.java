package dev.ben.contracts.check;

import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.Set;

/** Checks a rule: clause kinds, the predicates and levels they test, the action and its argument, the priority. */
final class RuleChecks {

  private static final Set<String> ACTIONS = Set.of("flag", "route", "sample", "drop_with_reason");

  private RuleChecks() {}

  static void check(Ast.Rule rule, Set<String> bits, CheckContext c) {
    for (Ast.Clause clause : rule.clauses()) {
      for (Ast.Name ref : clause.refs()) {
        if (!bits.contains(ref.text())) {
          c.error(ref.span(), "unknown predicate or level `" + ref.text() + "` in rule `" + rule.name().text() + "`",
              Suggestions.didYouMean(ref.text(), bits));
        }
      }
    }
    Ast.Action action = rule.action();
    switch (action.kind().text()) {
      case "flag" -> { }
      case "route" -> action.argument().filter(a -> !a.text().equals("lucius")).ifPresent(a -> c.error(a.span(),
          "unknown route `" + a.text() + "`", "the only route is `route lucius` (the scrub path)"));
      case "sample" -> action.argument().ifPresentOrElse(a -> c.intIn(a, 1, 1_000_000, "the sampling rate"),
          () -> c.error(action.kind().span(), "`sample` needs a rate", "write `sample(10)` to keep 1 event in 10"));
      case "drop_with_reason" -> action.argument().filter(a -> a.text().isBlank()).ifPresent(a -> c.error(a.span(),
          "the drop reason is empty", "say why, e.g. drop_with_reason \"health check noise\""));
      default -> c.error(action.kind().span(), "unknown action `" + action.kind().text() + "`",
          java.util.Optional.ofNullable(Suggestions.didYouMean(action.kind().text(), ACTIONS))
              .orElse("actions are flag, route lucius, sample(n) and drop_with_reason \"why\""));
    }
    rule.priority().ifPresent(p -> c.intIn(p, 0, 1_000_000, "the priority"));
  }
}
