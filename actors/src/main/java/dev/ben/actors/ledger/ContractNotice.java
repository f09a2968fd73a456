package dev.ben.actors.ledger;

import dev.ben.actors.ClusterSerializable;
import dev.ben.streams.access.ArtifactKey;
import java.util.Objects;

/**
 * "Pipeline P should run version V; its bundle is under this key." Keys only, never the bundle
 * (invariant 8): a component pulls the bytes from store access, checks them against the key's
 * digest, swaps and acknowledges.
 */
public record ContractNotice(String pipeline, long version, ArtifactKey key)
    implements ClusterSerializable {

  public ContractNotice {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(key, "key");
    if (version != key.version() || !pipeline.equals(key.pipeline())) {
      throw new IllegalArgumentException(
          "notice for "
              + pipeline
              + " v"
              + version
              + " names the artifact of "
              + key.pipeline()
              + " v"
              + key.version());
    }
  }
}
