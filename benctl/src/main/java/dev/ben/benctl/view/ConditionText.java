package dev.ben.benctl.view;

import dev.ben.contracts.model.ArgExpr;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.ContractSyntax;
import dev.ben.contracts.model.Emit;
import dev.ben.contracts.model.EmitArg;
import dev.ben.contracts.model.PlaybookBound;
import dev.ben.contracts.model.PlaybookCondition;
import dev.ben.contracts.model.PlaybookConditionText;
import dev.ben.contracts.model.Threshold;
import dev.ben.contracts.model.ThresholdLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Predicate tests, playbook conditions, emits and bounds of the compiled model, written in contract
 * syntax.
 */
final class ConditionText {

  private ConditionText() {}

  /**
   * A predicate's test: {@code attempts > 5}, {@code ip in cidr("10.0.0.0/8")}, {@code any(a, b)}.
   */
  static String predicate(Condition condition) {
    if (condition instanceof Condition.Compare c) {
      return c.field() + " " + c.op().symbol() + " " + ContractSyntax.literal(c.value());
    }
    if (condition instanceof Condition.Between b) {
      return b.field()
          + " between "
          + ContractSyntax.literal(b.low())
          + " and "
          + ContractSyntax.literal(b.high());
    }
    if (condition instanceof Condition.InList in) {
      return in.field() + " in " + in.list();
    }
    if (condition instanceof Condition.InCidr cidr) {
      return cidr.field()
          + " in cidr("
          + cidr.cidrs().stream().map(ContractSyntax::quote).collect(Collectors.joining(", "))
          + ")";
    }
    if (condition instanceof Condition.StartsWith s) {
      return s.field() + " starts_with " + ContractSyntax.quote(s.prefix());
    }
    if (condition instanceof Condition.Contains c) {
      return c.field() + " contains " + ContractSyntax.quote(c.text());
    }
    if (condition instanceof Condition.Matches m) {
      return m.field() + " matches " + ContractSyntax.quote(m.regex());
    }
    if (condition instanceof Condition.Fuzzy f) {
      return f.field() + " ~ " + f.list() + " within " + f.within();
    }
    if (condition instanceof Condition.Modulo m) {
      return m.field() + " % " + m.divisor() + " == " + m.remainder();
    }
    if (condition instanceof Condition.IsNull n) {
      return n.field() + " == null";
    }
    if (condition instanceof Condition.IsNotNull n) {
      return n.field() + " != null";
    }
    String combinator =
        condition instanceof Condition.AllOf
            ? "all"
            : condition instanceof Condition.AnyOf ? "any" : "not";
    return combinator
        + "("
        + String.join(", ", ((Condition.Composite) condition).predicates())
        + ")";
  }

  /** The test a threshold level's bit stands for: {@code attempts >= 10}. */
  static String level(Threshold threshold, ThresholdLevel level) {
    return threshold.field()
        + " "
        + threshold.op().symbol()
        + " "
        + ContractSyntax.literal(level.value());
  }

  /** A playbook's {@code when}: {@code brute_force and login_rate.fails > 20}. */
  static String playbook(PlaybookCondition condition) {
    return PlaybookConditionText.CONTRACT_SYNTAX.render(condition);
  }

  /** {@code lock_account(user = user, reason = "brute force")}. */
  static String emit(Emit emit) {
    List<String> args = new ArrayList<>();
    for (EmitArg arg : emit.args()) {
      args.add(arg.name() + " = " + argument(arg.value()));
    }
    return emit.signal() + "(" + String.join(", ", args) + ")";
  }

  private static String argument(ArgExpr value) {
    if (value instanceof ArgExpr.FieldRef field) {
      return field.field();
    }
    if (value instanceof ArgExpr.Const constant) {
      return ContractSyntax.literal(constant.value());
    }
    if (value instanceof ArgExpr.DetectorValue detector) {
      return detector.detector() + "." + detector.feature();
    }
    return ((ArgExpr.FactValue) value).fact();
  }

  /** {@code at_most 10 per 1m, cooldown 5m per user}; either part may be absent. */
  static String bound(PlaybookBound bound) {
    List<String> parts = new ArrayList<>();
    if (bound.hasRate()) {
      parts.add("at_most " + bound.atMost() + " per " + ModelText.duration(bound.perMillis()));
    }
    if (bound.hasCooldown()) {
      String scope =
          bound.cooldownScope().isEmpty() ? "" : " per " + String.join(", ", bound.cooldownScope());
      parts.add("cooldown " + ModelText.duration(bound.cooldownMillis()) + scope);
    }
    return String.join(", ", parts);
  }
}
