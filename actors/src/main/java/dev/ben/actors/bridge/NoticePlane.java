package dev.ben.actors.bridge;

import dev.ben.actors.ledger.ContractNotice;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Carries contract notices from the ledger to every component running a pipeline. Delivery is best effort (a
 * component that misses one learns the version when it next asks the ledger), so a notice is never the only way
 * to learn what to run.
 */
public interface NoticePlane {

  void publish(ContractNotice notice);

  /** Delivers the notices published from now on to {@code subscriber}; closing the handle stops it. */
  AutoCloseable subscribe(ActorRef<ContractNotice> subscriber);
}
