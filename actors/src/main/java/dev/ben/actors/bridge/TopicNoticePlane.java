package dev.ben.actors.bridge;

import dev.ben.actors.ledger.ContractNotice;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;

/** Notices over a Pekko cluster topic: the plane without NATS, across every node of the cluster. */
public final class TopicNoticePlane implements NoticePlane {

  /** The topic's name; every node spawns its local topic actor under it. */
  public static final String TOPIC = "ben-contract-notices";

  private final ActorRef<Topic.Command<ContractNotice>> topic;

  public TopicNoticePlane(ActorRef<Topic.Command<ContractNotice>> topic) {
    this.topic = topic;
  }

  @Override
  public void publish(ContractNotice notice) {
    topic.tell(Topic.publish(notice));
  }

  @Override
  public AutoCloseable subscribe(ActorRef<ContractNotice> subscriber) {
    topic.tell(Topic.subscribe(subscriber));
    return () -> topic.tell(Topic.unsubscribe(subscriber));
  }
}
