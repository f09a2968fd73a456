package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One per-key value a detector maintains. Every feature has a name, read by playbooks as {@code
 * <detector>.<feature>}; the compiler names unnamed ones (e.g. {@code ewma_attempts}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Feature.Window.class, name = "window"),
  @JsonSubTypes.Type(value = Feature.TtlCounter.class, name = "ttl_counter"),
  @JsonSubTypes.Type(value = Feature.Ewma.class, name = "ewma"),
  @JsonSubTypes.Type(value = Feature.Cusum.class, name = "cusum"),
  @JsonSubTypes.Type(value = Feature.Anomaly.class, name = "anomaly")
})
public sealed interface Feature {

  String name();

  /**
   * An aggregate over the last {@code windowMillis} of event time. {@code field} is null for COUNT;
   * {@code where} optionally names a predicate bit that must be set for the event to count.
   */
  @JsonPropertyOrder({"name", "fn", "field", "windowMillis", "where"})
  record Window(String name, AggregateFn fn, String field, long windowMillis, String where)
      implements Feature {
    public Window {
      Checks.name(name, "feature name");
      Checks.present(fn, "aggregate of feature '" + name + "'");
      Checks.positive(windowMillis, "window of feature '" + name + "'");
      if (fn.needsField()) {
        Checks.name(field, "field of " + fn + " feature '" + name + "'");
      }
    }
  }

  /**
   * A counter incremented when {@code incrementOn} (a rule name) fires; each increment expires
   * after the TTL.
   */
  @JsonPropertyOrder({"name", "ttlMillis", "incrementOn"})
  record TtlCounter(String name, long ttlMillis, String incrementOn) implements Feature {
    public TtlCounter {
      Checks.name(name, "feature name");
      Checks.positive(ttlMillis, "ttl of feature '" + name + "'");
      Checks.name(incrementOn, "rule incrementing feature '" + name + "'");
    }
  }

  /** Exponentially weighted moving average, {@code 0 < alpha <= 1}. */
  @JsonPropertyOrder({"name", "field", "alpha"})
  record Ewma(String name, String field, double alpha) implements Feature {
    public Ewma {
      Checks.name(name, "feature name");
      Checks.name(field, "field of feature '" + name + "'");
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException(
            "alpha of feature '" + name + "' must be in (0, 1], got " + alpha);
      }
    }
  }

  /**
   * Two-sided CUSUM with slack {@code k} and decision threshold {@code h}, both in standard
   * deviations of the key's own history (see the detect engine for warm-up and reset after an
   * alarm).
   */
  @JsonPropertyOrder({"name", "field", "k", "h"})
  record Cusum(String name, String field, double k, double h) implements Feature {
    public Cusum {
      Checks.name(name, "feature name");
      Checks.name(field, "field of feature '" + name + "'");
      if (!(k >= 0) || !(h > 0)) {
        throw new IllegalArgumentException("feature '" + name + "' needs k >= 0 and h > 0");
      }
    }
  }

  /**
   * Model-based anomaly score in [0, 1] for one numeric field; {@code window} is in observations.
   */
  @JsonPropertyOrder({"name", "field", "window"})
  record Anomaly(String name, String field, int window) implements Feature {
    public Anomaly {
      Checks.name(name, "feature name");
      Checks.name(field, "field of feature '" + name + "'");
      Checks.positive(window, "window of feature '" + name + "'");
    }
  }
}
