package dev.ben.contracts.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A playbook's {@code when} as text: the one printer of playbook conditions, for the explanations
 * of what fired and for benctl's views of compiled contracts. The two differ only in how values and
 * negations are written; combinations inside another are parenthesised in both, so the text means
 * what the tree means.
 */
public enum PlaybookConditionText {

  /**
   * As the engine compares: values as they are ({@code fails > 20.0}, {@code speed >= SLOW}), and
   * every negation in parentheses ({@code not (probe)}).
   */
  EXPLANATION {
    @Override
    String level(String level) {
      return level;
    }

    @Override
    String number(double value) {
      return Double.toString(value);
    }

    @Override
    String literal(Literal value) {
      return value.text();
    }

    @Override
    String negation(PlaybookCondition negated) {
      return "not (" + render(negated) + ")";
    }
  },

  /**
   * In contract syntax ({@code fails > 20}, {@code speed >= "SLOW"}); a negation is parenthesised
   * only around a combination ({@code not probe}, {@code not (a or b)}).
   */
  CONTRACT_SYNTAX {
    @Override
    String level(String level) {
      return ContractSyntax.quote(level);
    }

    @Override
    String number(double value) {
      return ContractSyntax.number(value);
    }

    @Override
    String literal(Literal value) {
      return ContractSyntax.literal(value);
    }

    @Override
    String negation(PlaybookCondition negated) {
      return "not " + nested(negated);
    }
  };

  abstract String level(String level);

  abstract String number(double value);

  abstract String literal(Literal value);

  abstract String negation(PlaybookCondition negated);

  /** {@code brute_force and login_rate.fails > 20}, in this style. */
  public String render(PlaybookCondition condition) {
    if (condition instanceof PlaybookCondition.RuleFired r) {
      return r.rule();
    }
    if (condition instanceof PlaybookCondition.BitSet b) {
      return b.bit();
    }
    if (condition instanceof PlaybookCondition.FactCompare f) {
      return f.fact() + " " + f.op().symbol() + " " + level(f.level());
    }
    if (condition instanceof PlaybookCondition.DetectorCompare d) {
      return d.detector() + "." + d.feature() + " " + d.op().symbol() + " " + number(d.value());
    }
    if (condition instanceof PlaybookCondition.FieldCompare f) {
      return f.field() + " " + f.op().symbol() + " " + literal(f.value());
    }
    if (condition instanceof PlaybookCondition.Not n) {
      return negation(n.condition());
    }
    boolean all = condition instanceof PlaybookCondition.All;
    List<PlaybookCondition> parts =
        all
            ? ((PlaybookCondition.All) condition).conditions()
            : ((PlaybookCondition.Any) condition).conditions();
    return parts.stream().map(this::nested).collect(Collectors.joining(all ? " and " : " or "));
  }

  String nested(PlaybookCondition condition) {
    boolean compound =
        condition instanceof PlaybookCondition.All || condition instanceof PlaybookCondition.Any;
    return compound ? "(" + render(condition) + ")" : render(condition);
  }
}
