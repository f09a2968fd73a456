package dev.ben.contracts.engine;

import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.Threshold;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a detector's keyed state means, as a hash: two detectors with the same fingerprint in two
 * contract versions build the same state from the same events, so one may take over the other's. It
 * covers the compiled definition (kind, key fields, windows, thresholds, features, the key bound of
 * one shard), how events reach the shard (the schema's shard key and the number of shards), the
 * schema fields the detector reads with their types, the redactions of those fields, and the
 * definitions of the predicates, threshold levels and rules its features count (for a rule, also
 * the bits it combines). It leaves out the version number and everything else in the contract, so a
 * change to an unrelated rule keeps the state. Not covered: the contents of value lists a counted
 * predicate reads.
 */
final class StateFingerprint {

  private StateFingerprint() {}

  /** Hex SHA-256, usable in storage keys as is. */
  static String of(
      DetectorSpec shared,
      Schema schema,
      List<PolicyPack> policies,
      List<String> shardKey,
      int shards) {
    var text = new ByteArrayOutputStream();
    part(text, "detector", ModelJson.toBytes(shared.withFingerprint("")));
    part(text, "routing", (shardKey + " over " + shards).getBytes(StandardCharsets.UTF_8));
    Set<String> fields = new LinkedHashSet<>(shared.keyFields());
    Set<String> bits = new LinkedHashSet<>();
    List<Rule> rules = new ArrayList<>();
    for (Feature feature : shared.features()) {
      fields.add(fieldOf(feature));
      if (feature instanceof Feature.Window w && w.where() != null) {
        bits.add(w.where());
      }
      if (feature instanceof Feature.TtlCounter t) {
        for (PolicyPack policy : policies) {
          for (Rule rule : policy.rules()) {
            if (rule.name().equals(t.incrementOn())) {
              rules.add(rule);
              bits.addAll(rule.all());
              bits.addAll(rule.any());
              bits.addAll(rule.none());
            }
          }
        }
      }
    }
    fields.remove(null);
    schema.fields().stream()
        .filter(f -> fields.contains(f.name()))
        .forEach(f -> part(text, "field", ModelJson.toBytes(f)));
    for (PolicyPack policy : policies) {
      policy.redactions().stream()
          .filter(r -> fields.contains(r.field()))
          .forEach(r -> part(text, "redaction", ModelJson.toBytes(r)));
      for (Predicate predicate : policy.predicates()) {
        if (bits.contains(predicate.name())) {
          // Its bit position is the spine's business; the condition is what counts.
          part(text, "predicate " + predicate.name(), ModelJson.toBytes(predicate.condition()));
        }
      }
      for (Threshold threshold : policy.thresholds()) {
        boolean counted =
            threshold.levels().stream()
                .anyMatch(l -> bits.contains(Threshold.bitName(threshold.name(), l.name())));
        if (counted) {
          part(text, "threshold", ModelJson.toBytes(threshold));
        }
      }
    }
    rules.forEach(rule -> part(text, "rule", ModelJson.toBytes(rule)));
    return ModelJson.sha256(text.toByteArray()).substring("sha256:".length());
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
    return feature instanceof Feature.Anomaly a ? a.field() : null;
  }

  private static void part(ByteArrayOutputStream text, String label, byte[] value) {
    text.writeBytes((label + " " + value.length + "\n").getBytes(StandardCharsets.UTF_8));
    text.writeBytes(value);
    text.writeBytes(new byte[] {'\n'});
  }
}
