package dev.ben.contracts.engine.detect;

import dev.ben.contracts.model.AggregateFn;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.Schema;
import java.util.function.ToIntFunction;

/**
 * One feature resolved against the schema and the pipeline's bits and rules, plus how to make its
 * per-key state.
 */
final class FeaturePlan {

  static final int DISTINCT_CAP = 1024;

  final Feature feature;
  final int field;
  final int whereRef;
  final int ruleRef;
  final HalfSpaceForest forest;

  FeaturePlan(
      String detector,
      Feature feature,
      Schema schema,
      ToIntFunction<String> bitRefs,
      ToIntFunction<String> ruleRefs) {
    String where = "detector '" + detector + "' feature '" + feature.name() + "'";
    this.feature = feature;
    String fieldName = fieldOf(feature);
    this.field = fieldName == null ? -1 : schema.indexOf(fieldName);
    if (fieldName != null && field < 0) {
      throw new IllegalArgumentException(
          where + ": schema '" + schema.name() + "' has no field '" + fieldName + "'");
    }
    boolean needsNumber =
        fieldName != null
            && !(feature instanceof Feature.Window w && w.fn() == AggregateFn.DISTINCT);
    if (needsNumber && !schema.fields().get(field).type().isNumeric()) {
      throw new IllegalArgumentException(where + ": field '" + fieldName + "' is not numeric");
    }
    this.whereRef =
        feature instanceof Feature.Window w && w.where() != null
            ? resolve(bitRefs, w.where(), where + " where")
            : -1;
    this.ruleRef =
        feature instanceof Feature.TtlCounter t ? resolve(ruleRefs, t.incrementOn(), where) : -1;
    this.forest =
        feature instanceof Feature.Anomaly
            ? new HalfSpaceForest((detector + "." + feature.name()).hashCode())
            : null;
  }

  private static int resolve(ToIntFunction<String> refs, String name, String where) {
    int ref = refs.applyAsInt(name);
    if (ref < 0) {
      throw new IllegalArgumentException(
          where + ": unknown predicate or rule '" + name + "' in this pipeline");
    }
    return ref;
  }

  private static String fieldOf(Feature feature) {
    if (feature instanceof Feature.Window w) {
      return w.field();
    }
    if (feature instanceof Feature.Ewma e) {
      return e.field();
    }
    if (feature instanceof Feature.Cusum c) {
      return c.field();
    }
    if (feature instanceof Feature.Anomaly a) {
      return a.field();
    }
    return null;
  }

  FeatureState newState() {
    if (feature instanceof Feature.Window w) {
      return w.fn() == AggregateFn.DISTINCT
          ? new DistinctWindow(w.windowMillis(), DISTINCT_CAP)
          : new SlidingWindow(w.windowMillis());
    }
    if (feature instanceof Feature.TtlCounter t) {
      return new SlidingWindow(t.ttlMillis());
    }
    if (feature instanceof Feature.Ewma e) {
      return new Ewma(e.alpha());
    }
    if (feature instanceof Feature.Cusum c) {
      return new Cusum(c.k(), c.h());
    }
    return new HalfSpaceScorer(forest, ((Feature.Anomaly) feature).window());
  }
}
