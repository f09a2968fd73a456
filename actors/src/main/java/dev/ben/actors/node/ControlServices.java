package dev.ben.actors.node;

import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.ledger.LedgerStore;
import dev.ben.streams.nats.NatsClient;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the control plane of a node works with: store access, how to open the ledger's store
 * (JetStream KV and Object Store with NATS, RocksDB under the data folder without), the NATS client
 * when configured, the keys the ledger trusts and the keyed-hashing secret spines are built with.
 */
public record ControlServices(
    StoreAccess access,
    Supplier<LedgerStore> ledgerStore,
    Optional<NatsClient> nats,
    TrustedKeys trusted,
    byte[] hashKey) {

  public ControlServices {
    hashKey = hashKey.clone();
  }

  @Override
  public byte[] hashKey() {
    return hashKey.clone();
  }
}
