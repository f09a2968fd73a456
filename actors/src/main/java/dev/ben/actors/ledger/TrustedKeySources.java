package dev.ben.actors.ledger;

import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.KeyFiles;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.StoredTrustedKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the ledger trusts when a bundle is staged: those of {@code ben.ledger.trusted-keys},
 * read once at start, and those admins added through the control API, read from the identity store
 * each time (staging is rare, and a key added or removed on one node holds on every node at once).
 */
public final class TrustedKeySources implements Supplier<TrustedKeys> {

  private static final Logger log = LoggerFactory.getLogger(TrustedKeySources.class);

  private final TrustedKeys configured;
  private final IdentityStore identities;

  public TrustedKeySources(TrustedKeys configured, IdentityStore identities) {
    this.configured = configured;
    this.identities = identities;
  }

  @Override
  public TrustedKeys get() {
    List<PublicKey> added = new ArrayList<>();
    for (StoredTrustedKey stored : identities.trustedKeys()) {
      try {
        added.add(KeyFiles.parsePublicKey(stored.publicKeyText(), stored.keyId()));
      } catch (KeyFileException e) {
        // Checked when added, so only a store edited by hand gets here; the key is not trusted.
        log.warn("trusted key {} in the identity store is unusable: {}", stored, e.getMessage());
      }
    }
    return configured.plus(added);
  }

  /** The configured keys, which only an edit of the setting changes. */
  public TrustedKeys configured() {
    return configured;
  }
}
