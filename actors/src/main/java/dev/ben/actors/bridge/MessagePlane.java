package dev.ben.actors.bridge;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * Carries one kind of message to whoever subscribes on any node: contract notices from the ledger
 * to components, signals from spines to sidecars. Delivery is best effort and to current
 * subscribers only, so nothing relies on a message being the only way to learn something
 * (components also ask the ledger; signal deliveries are counted).
 */
public interface MessagePlane<T> {

  void publish(T message);

  /**
   * Delivers the messages published from now on to {@code subscriber}; closing the handle stops it.
   */
  AutoCloseable subscribe(ActorRef<T> subscriber);
}
