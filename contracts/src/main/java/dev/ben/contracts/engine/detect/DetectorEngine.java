package dev.ben.contracts.engine.detect;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.AggregateFn;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.Schema;
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
  private final KeyTable<Object[]> keys;
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
    Object[] states = keys.getOrCreate(key, this::newStates);
    for (int i = 0; i < plans.length; i++) {
      out[i] = updateFeature(plans[i], states[i], event, inputs, nowMillis);
    }
    return true;
  }

  private Object[] newStates() {
    Object[] states = new Object[plans.length];
    for (int i = 0; i < plans.length; i++) {
      states[i] = plans[i].newState();
    }
    return states;
  }

  private String keyOf(Event event) {
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
      FeaturePlan plan, Object state, Event event, DecisionInputs inputs, long now) {
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
}
