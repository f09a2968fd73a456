package dev.ben.actors.node;

import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.ledger.LedgerStore;
import dev.ben.streams.nats.NatsClient;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the control plane of a node works with: store access, how to open the ledger's store
 * (JetStream KV and Object Store with NATS, RocksDB under the data folder without), the NATS client
 * when configured, the keys the ledger trusts, the keyed-hashing secret spines are built with, and
 * the users of the control API with the tokens they are issued, and the event log.
 */
public record ControlServices(
    StoreAccess access,
    Supplier<LedgerStore> ledgerStore,
    Optional<NatsClient> nats,
    TrustedKeys trusted,
    byte[] hashKey,
    IdentityStore identities,
    Tokens tokens,
    EventLog eventLog) {

  public ControlServices {
    hashKey = hashKey.clone();
  }

  @Override
  public byte[] hashKey() {
    return hashKey.clone();
  }
}
