package dev.ben.contracts.engine.detect;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.AggregateFn;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.Schema;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One detector: keyed, bounded state updated per (redacted) event at the event time the caller
 * passes in. Values are NaN while a feature has nothing to say (empty window, warm-up). Not
 * thread-safe: one owner per shard.
 */
public final class DetectorEngine {

  private final DetectorSpec spec;
  private final int[] keyFields;
  private final FeaturePlan[] plans;
  private final KeyTable<FeatureState[]> keys;
  private final StringBuilder keyBuilder = new StringBuilder();
  private long unkeyedEvents;

  public DetectorEngine(
      DetectorSpec spec,
      Schema schema,
      ToIntFunction<String> bitRefs,
      ToIntFunction<String> ruleRefs) {
    if (!spec.schema().equals(schema.name())) {
      throw new IllegalArgumentException(
          "detector '"
              + spec.name()
              + "' is on schema '"
              + spec.schema()
              + "', not '"
              + schema.name()
              + "'");
    }
    this.spec = spec;
    this.keyFields = new int[spec.keyFields().size()];
    for (int i = 0; i < keyFields.length; i++) {
      keyFields[i] = schema.indexOf(spec.keyFields().get(i));
      if (keyFields[i] < 0) {
        throw new IllegalArgumentException(
            "detector '"
                + spec.name()
                + "' is keyed by unknown field '"
                + spec.keyFields().get(i)
                + "' of schema '"
                + schema.name()
                + "'");
      }
    }
    this.plans =
        spec.features().stream()
            .map(f -> new FeaturePlan(spec.name(), f, schema, bitRefs, ruleRefs))
            .toArray(FeaturePlan[]::new);
    this.keys = new KeyTable<>(spec.maxKeys());
  }

  public DetectorSpec spec() {
    return spec;
  }

  public List<String> featureNames() {
    return spec.features().stream().map(Feature::name).toList();
  }

  /**
   * Updates the event's key and writes one value per feature into {@code out}. Returns false
   * (values NaN) when a key field is missing; such events are counted in {@link #unkeyedEvents()}.
   */
  public boolean update(Event event, DecisionInputs inputs, long nowMillis, double[] out) {
    String key = keyOf(event);
    if (key == null) {
      unkeyedEvents++;
      Arrays.fill(out, Double.NaN);
      return false;
    }
    FeatureState[] states = keys.getOrCreate(key, this::newStates);
    for (int i = 0; i < plans.length; i++) {
      out[i] = updateFeature(plans[i], states[i], event, inputs, nowMillis);
    }
    return true;
  }

  private FeatureState[] newStates() {
    FeatureState[] states = new FeatureState[plans.length];
    for (int i = 0; i < plans.length; i++) {
      states[i] = plans[i].newState();
    }
    return states;
  }

  private String keyOf(Event event) {
    if (keyFields.length == 1 && event.text(keyFields[0]) != null) {
      // A lone text key is its own text: the builder would only copy it.
      return event.text(keyFields[0]);
    }
    keyBuilder.setLength(0);
    for (int i = 0; i < keyFields.length; i++) {
      if (!event.isPresent(keyFields[i])) {
        return null;
      }
      if (i > 0) {
        keyBuilder.append('\u001f');
      }
      keyBuilder.append(event.plainValue(keyFields[i]));
    }
    return keyBuilder.toString();
  }

  private static double updateFeature(
      FeaturePlan plan, FeatureState state, Event event, DecisionInputs inputs, long now) {
    Feature feature = plan.feature;
    if (feature instanceof Feature.Window w) {
      boolean counts = plan.whereRef < 0 || inputs.bitSet(plan.whereRef);
      if (state instanceof DistinctWindow distinct) {
        if (counts && event.isPresent(plan.field)) {
          distinct.add(String.valueOf(event.plainValue(plan.field)), now, now);
        }
        return distinct.count(now);
      }
      var window = (SlidingWindow) state;
      double value = w.fn() == AggregateFn.COUNT ? 1 : event.numeric(plan.field);
      if (counts && !Double.isNaN(value)) {
        window.add(now, value, now);
      }
      return switch (w.fn()) {
        case COUNT -> window.count(now);
        case SUM -> window.sum(now);
        case AVG -> window.average(now);
        case MIN -> window.min(now);
        case MAX -> window.max(now);
        case DISTINCT -> throw new IllegalStateException("distinct uses DistinctWindow");
      };
    }
    if (state instanceof SlidingWindow ttl) {
      if (inputs.ruleFired(plan.ruleRef)) {
        ttl.add(now, 1, now);
      }
      return ttl.count(now);
    }
    double value = event.numeric(plan.field);
    if (state instanceof Ewma ewma) {
      return Double.isNaN(value) ? ewma.value() : ewma.update(value);
    }
    if (Double.isNaN(value)) {
      return Double.NaN;
    }
    return state instanceof Cusum cusum
        ? cusum.update(value)
        : ((HalfSpaceScorer) state).update(value);
  }

  public int keyCount() {
    return keys.size();
  }

  public long evictions() {
    return keys.evictions();
  }

  public long unkeyedEvents() {
    return unkeyedEvents;
  }

  /**
   * Writes every key's state (see {@link KeyedStates} for the layout), the most recently used keys
   * first and only as many as fit in {@code maxBytes}; returns how many keys were left out.
   */
  public int snapshot(DataOutput out, int maxBytes) throws IOException {
    return KeyedStates.snapshot(keys, plans.length, out, maxBytes);
  }

  /**
   * Adds the keys of a snapshot written by a detector with the same definition; on failure nothing
   * is added. Meant for a detector that has seen no event yet.
   */
  public void restore(DataInput in) throws IOException {
    KeyedStates.restore(keys, this::newStates, spec.maxKeys(), in);
  }

  /**
   * Takes over the keyed state of the same detector in an earlier contract version (same
   * definition, so the same features in the same order); the earlier one must not be used again.
   * Its counters (evictions, unkeyed events) stay with it: they were reported for its version.
   */
  public void adopt(DetectorEngine earlier) {
    if (earlier.plans.length != plans.length || earlier.spec.maxKeys() != spec.maxKeys()) {
      throw new IllegalArgumentException(
          "detector '" + spec.name() + "' cannot adopt the state of another definition");
    }
    var entries = earlier.keys.newestFirst();
    for (int i = entries.size() - 1; i >= 0; i--) {
      keys.put(entries.get(i).getKey(), entries.get(i).getValue());
    }
  }
}
