package dev.ben.actors.node;

import dev.ben.config.BenSettings;
import dev.ben.config.Role;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.InitialAdmin;
import dev.ben.streams.auth.NatsIdentityStore;
import dev.ben.streams.auth.RocksIdentityStore;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.nats.NatsClient;
import dev.ben.streams.rocks.RocksIndex;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the control API, as a node starts: the identity store follows the ledger's (NATS when
 * configured, so every orchestrator node sees the same users and secret; else the node's RocksDB),
 * the cluster's token secret, and on orchestrator nodes the first administrator when there is no
 * user at all.
 */
public final class NodeIdentities {

  private static final Logger log = LoggerFactory.getLogger(NodeIdentities.class);

  private NodeIdentities() {}

  public static IdentityStore open(
      BenSettings settings, Optional<NatsClient> nats, RocksIndex localIndex) {
    return nats.<IdentityStore>map(
            client -> NatsIdentityStore.open(client, settings.auth().kvBucket()))
        .orElseGet(() -> new RocksIdentityStore(localIndex));
  }

  /** The node's tokens, under the cluster's secret (created by whichever node is first). */
  public static Tokens prepare(BenSettings settings, IdentityStore identities) {
    SecureRandom random = new SecureRandom();
    byte[] secret =
        identities.tokenSecret(
            () -> {
              byte[] fresh = new byte[Tokens.SECRET_BYTES];
              random.nextBytes(fresh);
              return fresh;
            });
    if (settings.node().has(Role.ORCHESTRATOR)) {
      new InitialAdmin(identities, random)
          .ensure(settings.auth().initialAdminFile())
          .ifPresent(
              file ->
                  log.warn(
                      "No user existed, so user `{}` (admin role) was created; its password is in"
                          + " {} (readable by this account only): log in with `benctl login`, then"
                          + " delete the file",
                      InitialAdmin.USER,
                      file));
    }
    return new Tokens(
        secret, settings.auth().tokenTtl(), settings.auth().clockLeeway(), Clock.systemUTC());
  }
}
