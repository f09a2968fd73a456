package dev.ben.contracts.engine;

import dev.ben.contracts.engine.bitspec.BitspecEngine;
import dev.ben.contracts.engine.bitspec.BitspecState;
import dev.ben.contracts.engine.blot.Redactor;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.ValueList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spine's part for one schema: every policy of the pipeline on that schema evaluated (bitspec
 * and rules), then redacted (blot), with no allocation per event. Across policies the winning
 * action is the highest-priority winner (ties: the earlier policy). Bits, rules and facts are
 * addressed by references {@code policy << 16 | index}. Not thread-safe: one per spine stage.
 */
public final class SpineEvaluator implements SpineDecisions {

  /**
   * References pack the index in 16 bits, which bounds bits and rules per policy (not the mask
   * width).
   */
  static final int REF_LIMIT = 0xFFFF;

  private final Schema schema;
  private final BitspecEngine[] engines;
  private final BitspecState[] states;
  private final Redactor[] redactors;
  private int winningPolicy = -1;

  public SpineEvaluator(
      Schema schema,
      List<PolicyPack> policies,
      Map<String, ValueList> lists,
      byte[] deploymentKey) {
    this.schema = schema;
    int n = policies.size();
    this.engines = new BitspecEngine[n];
    this.states = new BitspecState[n];
    this.redactors = new Redactor[n];
    for (int i = 0; i < n; i++) {
      PolicyPack pack = policies.get(i);
      if (pack.bitCount() > REF_LIMIT || pack.rules().size() > REF_LIMIT) {
        throw new IllegalArgumentException(
            "policy '"
                + pack.name()
                + "' has "
                + pack.bitCount()
                + " bits and "
                + pack.rules().size()
                + " rules; split it into policies of at most "
                + REF_LIMIT
                + " each");
      }
      engines[i] = new BitspecEngine(policies.get(i), schema, lists);
      states[i] = engines[i].newState();
      redactors[i] = new Redactor(policies.get(i).redactions(), schema, deploymentKey);
    }
    NameCheck.requireUnique(policies);
  }

  public Schema schema() {
    return schema;
  }

  /** Evaluates, then redacts the event in place. */
  public void evaluate(Event event) {
    winningPolicy = -1;
    int bestPriority = Integer.MIN_VALUE;
    for (int i = 0; i < engines.length; i++) {
      engines[i].evaluate(event, states[i]);
      int winner = states[i].winningRule();
      if (winner >= 0) {
        int priority = engines[i].pack().rules().get(winner).priority();
        if (winningPolicy < 0 || priority > bestPriority) {
          winningPolicy = i;
          bestPriority = priority;
        }
      }
    }
    for (Redactor redactor : redactors) {
      redactor.apply(event);
    }
  }

  /** The winning action of the last evaluation, or null for pass. */
  public Action action() {
    return winningPolicy < 0 ? null : engines[winningPolicy].action(states[winningPolicy]);
  }

  /** The winning rule's name, or null for pass. */
  public String winningRule() {
    if (winningPolicy < 0) {
      return null;
    }
    Rule rule = engines[winningPolicy].pack().rules().get(states[winningPolicy].winningRule());
    return rule.name();
  }

  /** The last evaluation's results per policy, independent of the next evaluation. */
  BitspecState[] resultCopies() {
    BitspecState[] copies = new BitspecState[states.length];
    for (int i = 0; i < states.length; i++) {
      copies[i] = states[i].resultCopy();
    }
    return copies;
  }

  @Override
  public boolean bitSet(int bitRef) {
    return states[bitRef >>> 16].bit(bitRef & 0xFFFF);
  }

  @Override
  public boolean ruleFired(int ruleRef) {
    return states[ruleRef >>> 16].ruleFired(ruleRef & 0xFFFF);
  }

  @Override
  public int factLevel(int factRef) {
    return states[factRef >>> 16].level(factRef & 0xFFFF);
  }

  public int bitRef(String bit) {
    for (int i = 0; i < engines.length; i++) {
      int index = engines[i].bitIndex(bit);
      if (index >= 0) {
        return i << 16 | index;
      }
    }
    return -1;
  }

  public int ruleRef(String rule) {
    for (int i = 0; i < engines.length; i++) {
      int index = engines[i].ruleIndex(rule);
      if (index >= 0) {
        return i << 16 | index;
      }
    }
    return -1;
  }

  public int factRef(String fact) {
    for (int i = 0; i < engines.length; i++) {
      int index = engines[i].factIndex(fact);
      if (index >= 0) {
        return i << 16 | index;
      }
    }
    return -1;
  }

  public List<String> factLevels(String fact) {
    int ref = factRef(fact);
    return ref < 0 ? List.of() : engines[ref >>> 16].factLevels(ref & 0xFFFF);
  }

  /** The set bits' names, policy by policy; one exact array per event, none when no bit is set. */
  @Override
  public List<String> setBits() {
    int count = 0;
    for (int i = 0; i < engines.length; i++) {
      count += engines[i].setBitCount(states[i]);
    }
    if (count == 0) {
      return List.of();
    }
    String[] names = new String[count];
    int at = 0;
    for (int i = 0; i < engines.length; i++) {
      at = engines[i].copySetBitNames(states[i], names, at);
    }
    return List.of(names);
  }

  /**
   * Fired rules, the overall winner first, then each policy's in priority order (a policy where a
   * rule fired has a winner, so without an overall winner none fired).
   */
  @Override
  public List<String> firedRules() {
    if (winningPolicy < 0) {
      return List.of();
    }
    int count = 0;
    for (int i = 0; i < engines.length; i++) {
      count += engines[i].firedRuleCount(states[i]);
    }
    String[] names = new String[count];
    int at = engines[winningPolicy].copyFiredRuleNames(states[winningPolicy], names, 0);
    for (int i = 0; i < engines.length; i++) {
      if (i != winningPolicy) {
        at = engines[i].copyFiredRuleNames(states[i], names, at);
      }
    }
    return List.of(names);
  }

  /** Fact to level name in policy then threshold order; no map is built when no level passed. */
  public Map<String, String> facts() {
    Map<String, String> facts = Map.of();
    for (int i = 0; i < engines.length; i++) {
      for (int t = 0; t < engines[i].thresholdCount(); t++) {
        String level = engines[i].factLevel(states[i], t);
        if (level == null) {
          continue;
        }
        if (facts.isEmpty()) {
          facts = Map.of(engines[i].factName(t), level);
          continue;
        }
        if (!(facts instanceof LinkedHashMap)) {
          facts = new LinkedHashMap<>(facts);
        }
        facts.put(engines[i].factName(t), level);
      }
    }
    return facts;
  }

  int policyCount() {
    return engines.length;
  }

  BitspecEngine engine(int policy) {
    return engines[policy];
  }
}
