package dev.ben.contracts.model;

/**
 * An artifact that carries its own {@code sha256:} fingerprint. {@link ModelJson#seal} computes it
 * over the JSON of the artifact with the fingerprint blanked, so the value is stable and verifiable
 * by any reader.
 */
public interface Fingerprinted<T extends Fingerprinted<T>> {

  String name();

  String fingerprint();

  T withFingerprint(String fingerprint);
}
