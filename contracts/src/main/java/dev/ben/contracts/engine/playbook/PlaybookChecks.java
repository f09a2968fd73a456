package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.engine.bitspec.Operand;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.PlaybookCondition;
import dev.ben.contracts.model.Schema;
import java.util.List;

/**
 * Compiles a playbook's condition into a {@link Check} over resolved references, refusing
 * references the pipeline does not have. (The condition's text for explanations is {@link
 * dev.ben.contracts.model.PlaybookConditionText#EXPLANATION}.)
 */
final class PlaybookChecks {

  interface Check {
    boolean holds(PlaybookInputs inputs);
  }

  private final String playbook;
  private final Schema schema;
  private final PlaybookResolver resolver;

  PlaybookChecks(String playbook, Schema schema, PlaybookResolver resolver) {
    this.playbook = playbook;
    this.schema = schema;
    this.resolver = resolver;
  }

  Check compile(PlaybookCondition condition) {
    if (condition instanceof PlaybookCondition.RuleFired r) {
      int ref = known(resolver.ruleRef(r.rule()), "rule '" + r.rule() + "'");
      return inputs -> inputs.ruleFired(ref);
    }
    if (condition instanceof PlaybookCondition.BitSet b) {
      int ref = known(resolver.bitRef(b.bit()), "predicate '" + b.bit() + "'");
      return inputs -> inputs.bitSet(ref);
    }
    if (condition instanceof PlaybookCondition.FactCompare f) {
      int ref = known(resolver.factRef(f.fact()), "fact '" + f.fact() + "'");
      List<String> levels = resolver.factLevels(f.fact());
      int level =
          known(
              levels.indexOf(f.level()),
              "level '" + f.level() + "' of fact '" + f.fact() + "' (levels " + levels + ")");
      CompareOp op = f.op();
      return inputs ->
          inputs.factLevel(ref) >= 0 && op.test(Integer.compare(inputs.factLevel(ref), level));
    }
    if (condition instanceof PlaybookCondition.DetectorCompare d) {
      int ref =
          known(
              resolver.detectorRef(d.detector(), d.feature()),
              "detector value '" + d.detector() + "." + d.feature() + "'");
      CompareOp op = d.op();
      double value = d.value();
      return inputs -> {
        double actual = inputs.detectorValue(ref);
        return !Double.isNaN(actual) && op.test(Double.compare(actual, value));
      };
    }
    if (condition instanceof PlaybookCondition.FieldCompare f) {
      int field =
          known(
              schema.indexOf(f.field()),
              "field '" + f.field() + "' of schema '" + schema.name() + "'");
      Operand operand =
          Operand.of(f.value(), schema.fields().get(field).type(), "playbook '" + playbook + "'");
      CompareOp op = f.op();
      return inputs -> {
        int comparison = operand.compare(inputs.event(), field);
        return comparison != Operand.MISMATCH && op.test(comparison);
      };
    }
    if (condition instanceof PlaybookCondition.Not n) {
      Check inner = compile(n.condition());
      return inputs -> !inner.holds(inputs);
    }
    boolean all = condition instanceof PlaybookCondition.All;
    List<PlaybookCondition> parts =
        all
            ? ((PlaybookCondition.All) condition).conditions()
            : ((PlaybookCondition.Any) condition).conditions();
    Check[] checks = parts.stream().map(this::compile).toArray(Check[]::new);
    return inputs -> {
      for (Check check : checks) {
        if (check.holds(inputs) != all) {
          return !all;
        }
      }
      return all;
    };
  }

  private int known(int ref, String what) {
    if (ref < 0) {
      throw new IllegalArgumentException("playbook '" + playbook + "' uses unknown " + what);
    }
    return ref;
  }
}
