package dev.ben.actors.contract;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.actors.ledger.ContractNotice;
import dev.ben.actors.ledger.Ledger;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Where a node's contract holders learn and fetch versions: the ledger singleton's proxy (asked
 * what to run, pulled from, acknowledged to), the notice plane, the keyed-hashing secret their
 * runtimes are built with, and the largest bundle they accept.
 */
public record ContractSources(
    ActorRef<Ledger.Command> ledger,
    MessagePlane<ContractNotice> notices,
    byte[] hashKey,
    long maxBundleBytes) {

  public ContractSources {
    hashKey = hashKey.clone();
  }

  @Override
  public byte[] hashKey() {
    return hashKey.clone();
  }
}
