package dev.ben.contracts.check;

import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a playbook: its bounds, its condition's references, and the signal it emits with typed arguments. */
final class PlaybookChecks {

  private final CheckContext c;
  private final Map<String, ConditionScope.DetectorInfo> detectorFeatures;

  PlaybookChecks(CheckContext c, Map<String, ConditionScope.DetectorInfo> detectorFeatures) {
    this.c = c;
    this.detectorFeatures = detectorFeatures;
  }

  void check(Ast.Playbook playbook) {
    if (playbook.bounds().isEmpty()) {
      c.error(playbook.name().span(), "playbook `" + playbook.name().text() + "` has no bound",
          "every playbook needs one, e.g. `bound at_most 10 per 1m, cooldown 5m per user`");
    }
    if (playbook.when().isEmpty()) {
      c.error(playbook.name().span(), "playbook `" + playbook.name().text() + "` has no `when` condition", null);
    }
    if (playbook.emit().isEmpty()) {
      c.error(playbook.name().span(), "playbook `" + playbook.name().text() + "` emits no signal",
          "add `emit SIGNAL(arg = value, …)`");
    }
    if (playbook.explain().isEmpty()) {
      c.d.warning(playbook.name().span(), "playbook `" + playbook.name().text() + "` has no explanation",
          "add `explain \"why this fires\"` so people see why it acted");
    }
    Optional<SchemaView> schema = c.schema(playbook.schema());
    for (Ast.Bound bound : playbook.bounds()) {
      if (bound.kind().text().equals("at_most")) {
        c.intIn(bound.amount(), 1, 1_000_000, "at_most");
        bound.per().ifPresent(per -> c.positiveDuration(per, "the rate window"));
      } else {
        c.positiveDuration(bound.amount(), "the cooldown");
      }
      bound.scope().ifPresent(scope -> schema.ifPresent(s -> s.field(scope, c.d)));
    }
    schema.ifPresent(s -> {
      ConditionScope scope = new ConditionScope(c, s, detectorFeatures);
      playbook.when().ifPresent(scope::check);
      playbook.emit().flatMap(e -> c.symbols.resolve(e, "signal", Ast.Signal.class, c.d))
          .ifPresent(signal -> emit(playbook, signal, scope));
    });
  }

  private void emit(Ast.Playbook playbook, Ast.Signal signal, ConditionScope scope) {
    Map<String, Ast.SignalArg> declared = new HashMap<>();
    signal.args().forEach(a -> declared.put(a.name().text(), a));
    Set<String> given = new HashSet<>();
    for (Ast.EmitArg arg : playbook.args()) {
      Ast.SignalArg param = declared.get(arg.name().text());
      if (param == null) {
        c.error(arg.name().span(), "signal `" + signal.name().text() + "` has no argument `" + arg.name().text() + "`",
            Suggestions.didYouMean(arg.name().text(), declared.keySet()));
        continue;
      }
      if (!given.add(arg.name().text())) {
        c.error(arg.name().span(), "argument `" + arg.name().text() + "` is given twice", null);
        continue;
      }
      SchemaChecks.resolve(param.type(), c.d)
          .ifPresent(type -> scope.operandType(arg.value()).ifPresent(actual -> {
            if (!compatible(type.scalar(), actual)) {
              c.error(span(arg.value()), "argument `" + arg.name().text() + "` of signal `" + signal.name().text()
                  + "` is " + type.scalar().keyword() + " but this value is " + actual, null);
            }
          }));
    }
    signal.args().stream().filter(a -> !given.contains(a.name().text())).forEach(missing -> c.error(
        playbook.emit().get().span(), "missing argument `" + missing.name().text() + "` for signal `"
            + signal.name().text() + "`", "add `" + missing.name().text() + " = …` to the emit"));
  }

  private static boolean compatible(FieldType declared, String actual) {
    return switch (actual) {
      case "number" -> declared.numeric();
      case "decimal" -> declared == FieldType.F32 || declared == FieldType.F64;
      case "text" -> declared.textual();
      case "bool" -> declared == FieldType.BOOL;
      default -> actual.equals(declared.keyword()) || (declared.textual() && FieldType.parse(actual)
          .map(FieldType::textual).orElse(false)) || (declared.numeric() && FieldType.parse(actual)
          .map(FieldType::numeric).orElse(false));
    };
  }

  private static dev.ben.contracts.diag.Span span(Ast.Operand operand) {
    return operand instanceof Ast.Ref ref ? ref.span() : ((Ast.Lit) operand).literal().span();
  }
}
