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
  private final KeyRows keys;
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
    this.keys = newRows(spec.maxKeys());
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
    int entry = keys.use(key);
    long[] rows = keys.rows(entry);
    for (int i = 0; i < plans.length; i++) {
      out[i] =
          updateFeature(
              plans[i], keys.column(i), rows, keys.at(entry, i), entry, event, inputs, nowMillis);
    }
    return true;
  }

  /** Rows for this detector's features and at most {@code maxKeys} keys. */
  private KeyRows newRows(int maxKeys) {
    FeatureColumn[] columns = new FeatureColumn[plans.length];
    for (int i = 0; i < plans.length; i++) {
      columns[i] = plans[i].newColumn();
    }
    return new KeyRows(columns, maxKeys);
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
      FeaturePlan plan,
      FeatureColumn column,
      long[] rows,
      int at,
      int entry,
      Event event,
      DecisionInputs inputs,
      long now) {
    Feature feature = plan.feature;
    if (feature instanceof Feature.Window w) {
      boolean counts = plan.whereRef < 0 || inputs.bitSet(plan.whereRef);
      if (column instanceof StateColumn<?> states) {
        var distinct = (DistinctWindow) states.state(entry);
        if (counts && event.isPresent(plan.field)) {
          distinct.add(String.valueOf(event.plainValue(plan.field)), now, now);
        }
        return distinct.count(now);
      }
      var windows = (WindowColumn) column;
      double value = w.fn() == AggregateFn.COUNT ? 1 : event.numeric(plan.field);
      if (counts && !Double.isNaN(value)) {
        windows.add(rows, at, entry, now, value, now);
      }
      return switch (w.fn()) {
        case COUNT -> windows.count(rows, at, now);
        case SUM -> windows.sum(rows, at, entry, now);
        case AVG -> windows.average(rows, at, entry, now);
        case MIN -> windows.min(rows, at, entry, now);
        case MAX -> windows.max(rows, at, entry, now);
        case DISTINCT -> throw new IllegalStateException("distinct uses DistinctWindow");
      };
    }
    if (column instanceof WindowColumn ttl) {
      if (inputs.ruleFired(plan.ruleRef)) {
        ttl.add(rows, at, entry, now, 1, now);
      }
      return ttl.count(rows, at, now);
    }
    double value = event.numeric(plan.field);
    if (column instanceof EwmaColumn ewma) {
      return Double.isNaN(value) ? ewma.value(rows, at) : ewma.update(rows, at, value);
    }
    if (Double.isNaN(value)) {
      return Double.NaN;
    }
    return column instanceof CusumColumn cusum
        ? cusum.update(rows, at, value)
        : ((HalfSpaceScorer) ((StateColumn<?>) column).state(entry)).update(value);
  }

  public int keyCount() {
    return keys.keys().size();
  }

  public long evictions() {
    return keys.keys().evictions();
  }

  public long unkeyedEvents() {
    return unkeyedEvents;
  }

  /**
   * Writes every key's state (see {@link KeyedStates} for the layout), the most recently used keys
   * first and only as many as fit in {@code maxBytes}; returns how many keys were left out.
   */
  public int snapshot(DataOutput out, int maxBytes) throws IOException {
    return KeyedStates.snapshot(keys, out, maxBytes);
  }

  /**
   * Adds the keys of a snapshot written by a detector with the same definition; on failure nothing
   * is added. Meant for a detector that has seen no event yet.
   */
  public void restore(DataInput in) throws IOException {
    KeyedStates.restore(keys, () -> newRows(0), spec.maxKeys(), in);
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
    keys.takeAll(earlier.keys);
  }
}
