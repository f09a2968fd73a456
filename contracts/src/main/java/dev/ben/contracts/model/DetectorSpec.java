package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.HashSet;
import java.util.List;

/**
 * A detector over one schema, keyed by {@code keyFields}, holding at most {@code maxKeys} keys
 * (least recently used keys are evicted and counted). Predicate and rule names in features refer to
 * the pipeline's policies on the same schema.
 */
@JsonPropertyOrder({"name", "schema", "keyFields", "maxKeys", "features", "fingerprint"})
public record DetectorSpec(
    String name,
    String schema,
    List<String> keyFields,
    int maxKeys,
    List<Feature> features,
    String fingerprint)
    implements Fingerprinted<DetectorSpec> {

  public DetectorSpec {
    Checks.name(name, "detector name");
    Checks.name(schema, "schema of detector '" + name + "'");
    keyFields = Checks.list(keyFields);
    features = Checks.list(features);
    fingerprint = Checks.fingerprint(fingerprint);
    Checks.positive(maxKeys, "maxKeys of detector '" + name + "'");
    if (keyFields.isEmpty()) {
      throw new IllegalArgumentException("detector '" + name + "' needs at least one key field");
    }
    var names = new HashSet<String>();
    for (Feature feature : features) {
      if (!names.add(feature.name())) {
        throw new IllegalArgumentException(
            "detector '" + name + "' declares feature '" + feature.name() + "' twice");
      }
    }
  }

  @Override
  public DetectorSpec withFingerprint(String value) {
    return new DetectorSpec(name, schema, keyFields, maxKeys, features, value);
  }
}
