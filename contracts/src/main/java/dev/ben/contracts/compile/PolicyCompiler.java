package dev.ben.contracts.compile;

import dev.ben.contracts.check.CheckedProgram;
import dev.ben.contracts.check.SchemaScope;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.QualifiedName;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.RedactOp;
import dev.ben.contracts.model.Redaction;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Threshold;
import dev.ben.contracts.model.ThresholdLevel;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compiles a policy into a policy pack: predicates own bits 0..p-1 in declaration order (a
 * predicate's inline sub-expressions become helper predicates just before it), threshold levels
 * follow, rules are ordered by priority (highest first, ties in declaration order).
 */
final class PolicyCompiler {
  private final CheckedProgram program;
  private final List<ValueList> generatedLists;

  PolicyCompiler(CheckedProgram program, List<ValueList> generatedLists) {
    this.program = program;
    this.generatedLists = generatedLists;
  }

  PolicyPack compile(PolicyDecl policy) {
    SchemaScope scope = program.scope(policy.schema().name());
    List<Predicate> predicates = new ArrayList<>();
    List<PolicyDecl.Threshold> thresholdDecls = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    List<Redaction> redactions = new ArrayList<>();
    ConditionCompiler conditions = new ConditionCompiler(policy, scope, predicates, generatedLists);
    for (PolicyDecl.Item item : policy.items()) {
      if (item instanceof PolicyDecl.Predicate predicate) {
        conditions.declare(predicate);
      } else if (item instanceof PolicyDecl.Threshold threshold) {
        thresholdDecls.add(threshold);
      } else if (item instanceof PolicyDecl.Rule rule) {
        rules.add(rule(rule));
      } else {
        PolicyDecl.Redact redact = (PolicyDecl.Redact) item;
        redactions.add(new Redaction(redact.field().name(), redaction(redact)));
      }
    }
    List<Threshold> thresholds = new ArrayList<>();
    int bit = predicates.size();
    for (PolicyDecl.Threshold threshold : thresholdDecls) {
      List<ThresholdLevel> levels = new ArrayList<>();
      for (PolicyDecl.Level level : threshold.levels()) {
        levels.add(
            new ThresholdLevel(
                level.name().name(),
                bit++,
                ModelValues.literal(
                    level.value(), scope.schema().fields().get(threshold.field().name()).prim())));
      }
      thresholds.add(
          new Threshold(
              threshold.name().name(),
              threshold.field().name(),
              direction(threshold.direction().name()),
              levels,
              threshold.fact().name()));
    }
    rules.sort(Comparator.comparingInt(Rule::priority).reversed());
    return new PolicyPack(
        policy.name().name(),
        policy.schema().name(),
        predicates,
        thresholds,
        rules,
        redactions,
        "");
  }

  private static CompareOp direction(String direction) {
    return switch (direction) {
      case "gt" -> CompareOp.GT;
      case "lte" -> CompareOp.LE;
      case "lt" -> CompareOp.LT;
      default -> CompareOp.GE;
    };
  }

  private static Rule rule(PolicyDecl.Rule rule) {
    List<String> all = new ArrayList<>();
    List<String> any = new ArrayList<>();
    List<String> none = new ArrayList<>();
    for (PolicyDecl.Clause clause : rule.clauses()) {
      List<String> target =
          switch (clause.kind().name()) {
            case "all" -> all;
            case "any" -> any;
            default -> none;
          };
      for (QualifiedName ref : clause.refs()) {
        target.add(
            ref.isSimple()
                ? ref.first().name()
                : Threshold.bitName(ref.first().name(), ref.parts().get(1).name()));
      }
    }
    int priority = rule.priority() == null ? 0 : (int) ModelValues.integer(rule.priority());
    return new Rule(rule.name().name(), all, any, none, priority, action(rule.action()));
  }

  private static Action action(PolicyDecl.Action action) {
    Literal argument = action.argument();
    return switch (action.kind().name()) {
      case "route" -> new Action.RouteLucius();
      case "sample" -> new Action.Sample((int) ModelValues.integer(argument));
      case "drop_with_reason" -> new Action.DropWithReason(((Literal.Str) argument).value());
      default -> new Action.Flag();
    };
  }

  private static RedactOp redaction(PolicyDecl.Redact redact) {
    Literal argument = redact.argument();
    return switch (redact.op().name()) {
      case "mask_all" -> new RedactOp.MaskAll();
      case "mask_prefix" -> new RedactOp.MaskPrefix((int) ModelValues.integer(argument));
      case "mask_suffix" -> new RedactOp.MaskSuffix((int) ModelValues.integer(argument));
      case "truncate" -> new RedactOp.Truncate((int) ModelValues.integer(argument));
      case "hash" -> argument == null ? new RedactOp.Hash() : new RedactOp.HashKeyed();
      case "generalize_ip" -> new RedactOp.GeneralizeIp((int) ModelValues.integer(argument));
      default -> new RedactOp.Drop();
    };
  }
}
