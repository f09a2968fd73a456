package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A policy pack compiled against its schema and lists. Evaluation order: field predicates in
 * declaration order, then thresholds, then compositions in dependency order (so a composition may
 * use any predicate or level bit), then rules. Immutable and thread-safe; all per-event state lives
 * in a {@link BitspecState}.
 */
public final class BitspecEngine {

  private final PolicyPack pack;
  private final List<String> bitNames;
  private final BitProbe[] fieldTests;
  private final int[] fieldTestBits;
  private final ThresholdProgram[] thresholds;
  private final BitProbe[] composites;
  private final int[] compositeBits;
  private final RuleTable rules;
  private final Pattern[] patterns;
  private final int longestFuzzyEntry;

  public BitspecEngine(PolicyPack pack, Schema schema, Map<String, ValueList> lists) {
    if (!pack.schema().equals(schema.name())) {
      throw new IllegalArgumentException(
          "policy '"
              + pack.name()
              + "' is on schema '"
              + pack.schema()
              + "', not '"
              + schema.name()
              + "'");
    }
    this.pack = pack;
    this.bitNames = pack.bitNames();
    var compiler = new FieldTestCompiler(schema, lists);
    var tests = new ArrayList<BitProbe>();
    var bits = new ArrayList<Integer>();
    for (Predicate predicate : pack.predicates()) {
      if (predicate.condition() instanceof Condition.FieldTest fieldTest) {
        tests.add(compiler.compile(predicate.name(), fieldTest));
        bits.add(predicate.bit());
      }
    }
    this.fieldTests = tests.toArray(BitProbe[]::new);
    this.fieldTestBits = bits.stream().mapToInt(Integer::intValue).toArray();
    this.thresholds =
        pack.thresholds().stream()
            .map(t -> new ThresholdProgram(t, schema))
            .toArray(ThresholdProgram[]::new);
    var ordered = CompositeOrder.of(pack.predicates(), bitNames);
    this.composites = new BitProbe[ordered.size()];
    this.compositeBits = new int[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      Predicate predicate = ordered.get(i);
      composites[i] = CompositeOrder.compile(predicate, bitNames);
      compositeBits[i] = predicate.bit();
    }
    this.rules = new RuleTable(pack.rules(), bitNames);
    this.patterns = compiler.patterns.toArray(Pattern[]::new);
    this.longestFuzzyEntry = compiler.longestFuzzyEntry;
  }

  public PolicyPack pack() {
    return pack;
  }

  public List<String> bitNames() {
    return bitNames;
  }

  public BitspecState newState() {
    return new BitspecState(
        bitNames.size(),
        thresholds.length,
        pack.rules().size(),
        new Scratch(patterns, longestFuzzyEntry));
  }

  /** Evaluates one event into {@code state}; allocates nothing. */
  public void evaluate(Event event, BitspecState state) {
    state.reset();
    long[] mask = state.mask;
    for (int i = 0; i < fieldTests.length; i++) {
      if (fieldTests[i].test(event, mask, state.scratch)) {
        Bits.set(mask, fieldTestBits[i]);
      }
    }
    for (int i = 0; i < thresholds.length; i++) {
      state.levels[i] = thresholds[i].evaluate(event, mask);
    }
    for (int i = 0; i < composites.length; i++) {
      if (composites[i].test(event, mask, state.scratch)) {
        Bits.set(mask, compositeBits[i]);
      }
    }
    state.winner = rules.evaluate(mask, state.firedRules);
  }

  /** The winning rule's action, or null for pass. */
  public Action action(BitspecState state) {
    return state.winner < 0 ? null : pack.rules().get(state.winner).action();
  }

  public int ruleIndex(String rule) {
    List<Rule> all = pack.rules();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(rule)) {
        return i;
      }
    }
    return -1;
  }

  public int bitIndex(String bit) {
    return bitNames.indexOf(bit);
  }

  /** Index of the threshold that produces {@code fact}, or -1. */
  public int factIndex(String fact) {
    for (int i = 0; i < thresholds.length; i++) {
      if (thresholds[i].fact().equals(fact)) {
        return i;
      }
    }
    return -1;
  }

  public List<String> factLevels(int threshold) {
    return thresholds[threshold].levelNames();
  }

  /** How many named bits the last evaluation set. */
  public int setBitCount(BitspecState state) {
    int count = 0;
    for (int bit = 0; bit < bitNames.size(); bit++) {
      if (state.bit(bit)) {
        count++;
      }
    }
    return count;
  }

  /** Writes the set bits' names into {@code out} from {@code at}; returns the next position. */
  public int copySetBitNames(BitspecState state, String[] out, int at) {
    for (int bit = 0; bit < bitNames.size(); bit++) {
      if (state.bit(bit)) {
        out[at++] = bitNames.get(bit);
      }
    }
    return at;
  }

  public List<String> setBitNames(BitspecState state) {
    String[] names = new String[setBitCount(state)];
    copySetBitNames(state, names, 0);
    return List.of(names);
  }

  public int firedRuleCount(BitspecState state) {
    int count = 0;
    for (int i = 0; i < pack.rules().size(); i++) {
      if (state.ruleFired(i)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Writes the fired rules' names in priority order (the winner first) into {@code out} from {@code
   * at}; returns the next position.
   */
  public int copyFiredRuleNames(BitspecState state, String[] out, int at) {
    if (state.winner >= 0) {
      out[at++] = pack.rules().get(state.winner).name();
    }
    for (int i = 0; i < pack.rules().size(); i++) {
      if (i != state.winner && state.ruleFired(i)) {
        out[at++] = pack.rules().get(i).name();
      }
    }
    return at;
  }

  /** Fired rules in priority order (the winner first). */
  public List<String> firedRuleNames(BitspecState state) {
    String[] names = new String[firedRuleCount(state)];
    copyFiredRuleNames(state, names, 0);
    return List.of(names);
  }

  public int thresholdCount() {
    return thresholds.length;
  }

  /** The fact a threshold produces. */
  public String factName(int threshold) {
    return thresholds[threshold].fact();
  }

  /** The name of the threshold's highest passing level, or null when none passed. */
  public String factLevel(BitspecState state, int threshold) {
    int level = state.levels[threshold];
    return level < 0 ? null : thresholds[threshold].levelName(level);
  }

  /** Fact name to highest passing level name, for thresholds where some level passed. */
  public Map<String, String> facts(BitspecState state) {
    var facts = new LinkedHashMap<String, String>();
    for (int i = 0; i < thresholds.length; i++) {
      if (state.levels[i] >= 0) {
        facts.put(thresholds[i].fact(), thresholds[i].levelName(state.levels[i]));
      }
    }
    return facts;
  }
}
