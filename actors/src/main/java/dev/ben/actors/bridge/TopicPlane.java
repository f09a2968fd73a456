package dev.ben.actors.bridge;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;

/** A plane over a Pekko cluster topic: the plane without NATS, across every node of the cluster. */
public final class TopicPlane<T> implements MessagePlane<T> {

  /** The topics' names; every node spawns its local topic actor under each. */
  public static final String NOTICES = "ben-contract-notices";

  public static final String SIGNALS = "ben-signals";

  private final ActorRef<Topic.Command<T>> topic;

  public TopicPlane(ActorRef<Topic.Command<T>> topic) {
    this.topic = topic;
  }

  @Override
  public void publish(T message) {
    topic.tell(Topic.publish(message));
  }

  @Override
  public AutoCloseable subscribe(ActorRef<T> subscriber) {
    topic.tell(Topic.subscribe(subscriber));
    return () -> topic.tell(Topic.unsubscribe(subscriber));
  }
}
