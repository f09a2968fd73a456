package dev.ben.streams.ledger;

import java.util.Objects;

/**
 * One version of a pipeline: the verified bundle it runs, the key that signed it, when it was
 * staged, and its current state. Version numbers are assigned by the store (one more than the
 * highest so far for the pipeline) and never reused; everything but {@code state} is written once.
 */
public record StagedVersion(
    String pipeline,
    long version,
    String bundleId,
    String keyId,
    long stagedAtMillis,
    VersionState state) {

  public StagedVersion {
    LedgerNames.pipeline(pipeline, "pipeline");
    if (version < 1) {
      throw new IllegalArgumentException(
          "version numbers start at 1, got " + version + " for " + pipeline);
    }
    LedgerNames.bundleId(bundleId);
    LedgerNames.required(keyId, "the signing key id of " + pipeline + " version " + version);
    LedgerNames.notNegative(stagedAtMillis, "stagedAtMillis");
    Objects.requireNonNull(state, "state");
  }

  /** The same version in another state. */
  public StagedVersion withState(VersionState newState) {
    return new StagedVersion(pipeline, version, bundleId, keyId, stagedAtMillis, newState);
  }
}
