package dev.ben.contracts.engine;

import dev.ben.contracts.engine.bitspec.Bits;
import dev.ben.contracts.engine.bitspec.BitspecEngine;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A spine's decisions about one event read back from their names (as an event carries them to a
 * detector on another member), addressed by the references of the same contract version's spine, so
 * detectors and playbooks evaluate exactly as if they ran beside that spine. Held as one bit set of
 * bits, one of rules and one array of levels per policy, with the names resolved through tables
 * built once, so loading an event allocates nothing of its own. Reused event after event by one
 * owner; not thread-safe.
 */
public final class RecordedDecisions implements SpineDecisions {

  private final Map<String, Integer> bitRefs = new HashMap<>();
  private final Map<String, Integer> ruleRefs = new HashMap<>();
  private final Map<String, Integer> factRefs = new HashMap<>();
  private final BitspecEngine[] engines;
  private final long[][] bits;
  private final long[][] rules;
  private final int[][] levels;
  private List<String> bitNames = List.of();
  private List<String> ruleNames = List.of();

  /**
   * @param refs a spine of the version that decided the events, used only to resolve names to
   *     references
   */
  public RecordedDecisions(SpineEvaluator refs) {
    int policies = refs.policyCount();
    this.engines = new BitspecEngine[policies];
    this.bits = new long[policies][];
    this.rules = new long[policies][];
    this.levels = new int[policies][];
    for (int p = 0; p < policies; p++) {
      BitspecEngine engine = refs.engine(p);
      engines[p] = engine;
      List<String> names = engine.bitNames();
      bits[p] = new long[Bits.words(names.size())];
      for (int i = 0; i < names.size(); i++) {
        bitRefs.putIfAbsent(names.get(i), p << 16 | i);
      }
      int ruleCount = engine.pack().rules().size();
      rules[p] = new long[Bits.words(ruleCount)];
      for (int i = 0; i < ruleCount; i++) {
        ruleRefs.putIfAbsent(engine.pack().rules().get(i).name(), p << 16 | i);
      }
      levels[p] = new int[engine.thresholdCount()];
      for (int t = 0; t < levels[p].length; t++) {
        factRefs.putIfAbsent(engine.factName(t), p << 16 | t);
      }
    }
  }

  /**
   * Loads one event's decisions; names the version does not know are ignored (they cannot be
   * referenced).
   */
  public RecordedDecisions load(
      List<String> setBits, List<String> firedRules, Map<String, String> facts) {
    for (int p = 0; p < engines.length; p++) {
      Arrays.fill(bits[p], 0);
      Arrays.fill(rules[p], 0);
      Arrays.fill(levels[p], -1);
    }
    for (String bit : setBits) {
      set(bits, bitRefs.get(bit));
    }
    for (String rule : firedRules) {
      set(rules, ruleRefs.get(rule));
    }
    if (!facts.isEmpty()) {
      for (Map.Entry<String, String> fact : facts.entrySet()) {
        Integer ref = factRefs.get(fact.getKey());
        if (ref != null) {
          int policy = ref >>> 16;
          int threshold = ref & 0xFFFF;
          levels[policy][threshold] =
              engines[policy].factLevels(threshold).indexOf(fact.getValue());
        }
      }
    }
    bitNames = List.copyOf(setBits);
    ruleNames = List.copyOf(firedRules);
    return this;
  }

  private static void set(long[][] sets, Integer ref) {
    if (ref != null) {
      int index = ref & 0xFFFF;
      sets[ref >>> 16][index >>> 6] |= 1L << index;
    }
  }

  private static boolean get(long[][] sets, int ref) {
    if (ref < 0) {
      return false;
    }
    int index = ref & 0xFFFF;
    return (sets[ref >>> 16][index >>> 6] & (1L << index)) != 0;
  }

  @Override
  public boolean bitSet(int bitRef) {
    return get(bits, bitRef);
  }

  @Override
  public boolean ruleFired(int ruleRef) {
    return get(rules, ruleRef);
  }

  @Override
  public int factLevel(int factRef) {
    return factRef < 0 ? -1 : levels[factRef >>> 16][factRef & 0xFFFF];
  }

  @Override
  public List<String> setBits() {
    return bitNames;
  }

  @Override
  public List<String> firedRules() {
    return ruleNames;
  }
}
