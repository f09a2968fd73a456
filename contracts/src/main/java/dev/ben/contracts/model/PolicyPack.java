package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A compiled policy over one schema. The mask has one bit per predicate (positions 0..p-1 in
 * declaration order) followed by one bit per threshold level (in threshold then level order). The
 * constructor checks that numbering, so an engine can trust {@code bit} positions without
 * re-deriving them.
 */
@JsonPropertyOrder({
  "name",
  "schema",
  "predicates",
  "thresholds",
  "rules",
  "redactions",
  "fingerprint"
})
public record PolicyPack(
    String name,
    String schema,
    List<Predicate> predicates,
    List<Threshold> thresholds,
    List<Rule> rules,
    List<Redaction> redactions,
    String fingerprint)
    implements Fingerprinted<PolicyPack> {

  public PolicyPack {
    Checks.name(name, "policy name");
    Checks.name(schema, "schema of policy '" + name + "'");
    predicates = Checks.list(predicates);
    thresholds = Checks.list(thresholds);
    rules = Checks.list(rules);
    redactions = Checks.list(redactions);
    fingerprint = Checks.fingerprint(fingerprint);
    checkBits(name, predicates, thresholds);
    var ruleNames = new HashSet<String>();
    for (Rule rule : rules) {
      if (!ruleNames.add(rule.name())) {
        throw new IllegalArgumentException(
            "policy '" + name + "' declares rule '" + rule.name() + "' twice");
      }
    }
  }

  private static void checkBits(
      String policy, List<Predicate> predicates, List<Threshold> thresholds) {
    var names = new HashSet<String>();
    int expected = 0;
    for (Predicate predicate : predicates) {
      requireBit(policy, predicate.name(), predicate.bit(), expected++);
      requireUnique(policy, names, predicate.name());
    }
    for (Threshold threshold : thresholds) {
      for (ThresholdLevel level : threshold.levels()) {
        String bitName = Threshold.bitName(threshold.name(), level.name());
        requireBit(policy, bitName, level.bit(), expected++);
        requireUnique(policy, names, bitName);
      }
    }
  }

  private static void requireBit(String policy, String name, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          "policy '"
              + policy
              + "': '"
              + name
              + "' has bit "
              + actual
              + " but declaration order gives it bit "
              + expected);
    }
  }

  private static void requireUnique(String policy, java.util.Set<String> names, String name) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("policy '" + policy + "' declares '" + name + "' twice");
    }
  }

  /** Number of bits in the mask: predicates plus every threshold level. */
  public int bitCount() {
    int count = predicates.size();
    for (Threshold threshold : thresholds) {
      count += threshold.levels().size();
    }
    return count;
  }

  /** Bit names by position: predicate names, then {@code threshold.level} names. */
  public List<String> bitNames() {
    var names = new ArrayList<String>(bitCount());
    for (Predicate predicate : predicates) {
      names.add(predicate.name());
    }
    for (Threshold threshold : thresholds) {
      for (ThresholdLevel level : threshold.levels()) {
        names.add(Threshold.bitName(threshold.name(), level.name()));
      }
    }
    return List.copyOf(names);
  }

  @Override
  public PolicyPack withFingerprint(String value) {
    return new PolicyPack(name, schema, predicates, thresholds, rules, redactions, value);
  }
}
