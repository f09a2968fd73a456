package dev.ben.bux.socket;

import dev.ben.contracts.bundle.Bundle;
import java.util.Objects;

/**
 * A bundle as the ledger holds it, with the version the ledger gave it: "active" or "staged" is
 * resolved to a number, which the test bench's outcomes name as a node running it does.
 */
public record StoredBundle(long version, Bundle bundle) {

  public StoredBundle {
    Objects.requireNonNull(bundle, "bundle");
  }
}
