package dev.ben.contracts.model;

/** Sliding-window aggregates a detector can keep per key. */
public enum AggregateFn {
  COUNT,
  SUM,
  AVG,
  MIN,
  MAX,
  DISTINCT;

  /** COUNT counts events; every other aggregate reads a field. */
  public boolean needsField() {
    return this != COUNT;
  }
}
