package dev.ben.streams.access;

import java.util.Objects;

/**
 * Where one version of a pipeline's bundle lives: the blob key and the sha256 of its bytes.
 * Components are handed keys, never payloads, and check the digest of what they pull against it.
 */
public record ArtifactKey(String pipeline, long version, String blobKey, String sha256) {

  public ArtifactKey {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(blobKey, "blobKey");
    Objects.requireNonNull(sha256, "sha256");
    if (version <= 0) {
      throw new IllegalArgumentException("artifact versions start at 1, got " + version);
    }
  }
}
