package dev.ben.contracts.engine;

import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Threshold;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Detectors and playbooks name bits, rules and facts without saying which policy they come from, so
 * within one pipeline and schema each such name must belong to exactly one policy.
 */
final class NameCheck {

  private NameCheck() {}

  static void requireUnique(List<PolicyPack> policies) {
    Map<String, String> owner = new HashMap<>();
    for (PolicyPack pack : policies) {
      for (String bit : pack.bitNames()) {
        claim(owner, "predicate " + bit, pack.name());
      }
      for (Rule rule : pack.rules()) {
        claim(owner, "rule " + rule.name(), pack.name());
      }
      for (Threshold threshold : pack.thresholds()) {
        claim(owner, "fact " + threshold.fact(), pack.name());
      }
    }
  }

  private static void claim(Map<String, String> owner, String name, String policy) {
    String previous = owner.putIfAbsent(name, policy);
    if (previous != null && !previous.equals(policy)) {
      throw new IllegalArgumentException(
          name
              + " is declared by both policy '"
              + previous
              + "' and policy '"
              + policy
              + "' on the same schema; rename one so detectors and playbooks can refer to it");
    }
  }
}
