package dev.ben.benctl.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.benctl.out.Table;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.Redaction;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Threshold;
import dev.ben.contracts.model.ThresholdLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Policy packs: the bit layout of each mask (what every bit index means, which engines and
 * explanations rely on) and the rules in the order they are checked, with the redactions applied
 * after them.
 */
final class PolicySections {

  private PolicySections() {}

  /**
   * One bit of a policy mask: a predicate, or one level of a threshold (which also names its fact).
   */
  record Bit(int index, String name, String kind, String test, String fact) {}

  static List<Bit> bits(PolicyPack policy) {
    List<Bit> bits = new ArrayList<>();
    for (Predicate predicate : policy.predicates()) {
      bits.add(
          new Bit(
              predicate.bit(),
              predicate.name(),
              "predicate",
              ConditionText.predicate(predicate.condition()),
              null));
    }
    for (Threshold threshold : policy.thresholds()) {
      for (ThresholdLevel level : threshold.levels()) {
        bits.add(
            new Bit(
                level.bit(),
                Threshold.bitName(threshold.name(), level.name()),
                "threshold",
                ConditionText.level(threshold, level),
                threshold.fact()));
      }
    }
    bits.sort(Comparator.comparingInt(Bit::index));
    return bits;
  }

  /**
   * Rules by priority, highest first, declaration order among equals: the order the engine checks
   * them in.
   */
  static List<Rule> checkOrder(PolicyPack policy) {
    List<Rule> rules = new ArrayList<>(policy.rules());
    rules.sort(Comparator.comparingInt(Rule::priority).reversed());
    return rules;
  }

  static void bitsText(ContractSet contracts, Report report) {
    for (PolicyPack policy : contracts.policies()) {
      var table = Table.withHeaders("BIT", "NAME", "TEST", "FACT");
      bits(policy).forEach(bit -> table.row(bit.index(), bit.name(), bit.test(), bit.fact()));
      report
          .heading(
              "policy "
                  + policy.name()
                  + " on "
                  + policy.schema()
                  + ": "
                  + policy.bitCount()
                  + " bits")
          .table(table);
    }
  }

  static void bitsJson(ContractSet contracts, ObjectNode json) {
    ArrayNode policies = json.putArray("bits");
    for (PolicyPack policy : contracts.policies()) {
      ObjectNode entry =
          policies.addObject().put("policy", policy.name()).put("schema", policy.schema());
      ArrayNode bits = entry.putArray("bits");
      for (Bit bit : bits(policy)) {
        ObjectNode node =
            bits.addObject()
                .put("bit", bit.index())
                .put("name", bit.name())
                .put("kind", bit.kind())
                .put("test", bit.test());
        if (bit.fact() != null) {
          node.put("fact", bit.fact());
        }
      }
    }
  }

  static void rulesText(ContractSet contracts, Report report) {
    for (PolicyPack policy : contracts.policies()) {
      var rules = Table.withHeaders("PRIORITY", "RULE", "ALL", "ANY", "NONE", "ACTION");
      for (Rule rule : checkOrder(policy)) {
        rules.row(
            rule.priority(),
            rule.name(),
            names(rule.all()),
            names(rule.any()),
            names(rule.none()),
            rule.action().label());
      }
      report.heading("policy " + policy.name() + " on " + policy.schema()).table(rules);
      if (!policy.redactions().isEmpty()) {
        var redactions = Table.withHeaders("REDACT", "OPERATION");
        policy.redactions().forEach(r -> redactions.row(r.field(), ModelText.redaction(r.op())));
        report.gap().table(redactions);
      }
    }
  }

  static void rulesJson(ContractSet contracts, ObjectNode json) {
    ArrayNode policies = json.putArray("rules");
    for (PolicyPack policy : contracts.policies()) {
      ObjectNode entry =
          policies.addObject().put("policy", policy.name()).put("schema", policy.schema());
      ArrayNode rules = entry.putArray("rules");
      for (Rule rule : checkOrder(policy)) {
        ObjectNode node =
            rules.addObject().put("priority", rule.priority()).put("name", rule.name());
        rule.all().forEach(node.putArray("all")::add);
        rule.any().forEach(node.putArray("any")::add);
        rule.none().forEach(node.putArray("none")::add);
        node.put("action", rule.action().label());
      }
      ArrayNode redactions = entry.putArray("redactions");
      for (Redaction redaction : policy.redactions()) {
        redactions
            .addObject()
            .put("field", redaction.field())
            .put("op", ModelText.redaction(redaction.op()));
      }
      entry.put("fingerprint", policy.fingerprint());
    }
  }

  /** A rule's bit set, or null (printed as {@code -}) when it has none. */
  private static String names(List<String> bits) {
    return bits.isEmpty() ? null : String.join(", ", bits);
  }
}
