package dev.ben.contracts.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spine's decisions about one event read back from their names (as an event carries them to a
 * detector on another member), addressed by the references of the same contract version's spine, so
 * detectors and playbooks evaluate exactly as if they ran beside that spine. Reused event after
 * event by one owner; not thread-safe.
 */
public final class RecordedDecisions implements SpineDecisions {

  private final SpineEvaluator refs;
  private final Set<Integer> bits = new HashSet<>();
  private final Set<Integer> rules = new HashSet<>();
  private final Map<Integer, Integer> levels = new HashMap<>();
  private List<String> bitNames = List.of();
  private List<String> ruleNames = List.of();

  /**
   * @param refs a spine of the version that decided the events, used only to resolve names to
   *     references
   */
  public RecordedDecisions(SpineEvaluator refs) {
    this.refs = refs;
  }

  /**
   * Loads one event's decisions; names the version does not know are ignored (they cannot be
   * referenced).
   */
  public RecordedDecisions load(
      List<String> setBits, List<String> firedRules, Map<String, String> facts) {
    bits.clear();
    rules.clear();
    levels.clear();
    for (String bit : setBits) {
      bits.add(refs.bitRef(bit));
    }
    for (String rule : firedRules) {
      rules.add(refs.ruleRef(rule));
    }
    facts.forEach(
        (fact, level) -> levels.put(refs.factRef(fact), refs.factLevels(fact).indexOf(level)));
    bitNames = List.copyOf(setBits);
    ruleNames = List.copyOf(firedRules);
    return this;
  }

  @Override
  public boolean bitSet(int bitRef) {
    return bits.contains(bitRef);
  }

  @Override
  public boolean ruleFired(int ruleRef) {
    return rules.contains(ruleRef);
  }

  @Override
  public int factLevel(int factRef) {
    return levels.getOrDefault(factRef, -1);
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
