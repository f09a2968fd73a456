package dev.ben.streams.nats;

import io.nats.client.Message;

/**
 * A message delivered by a durable consumer. It is acknowledged only when the consumer calls {@link
 * #ack()} after handling it; an unacknowledged message is redelivered, which is how a crashed
 * consumer loses nothing.
 */
public final class JetStreamMessage {

  private final Message message;

  JetStreamMessage(Message message) {
    this.message = message;
  }

  public String subject() {
    return message.getSubject();
  }

  public byte[] data() {
    return message.getData();
  }

  /** The stream sequence, unique and increasing within the stream. */
  public long streamSequence() {
    return message.metaData().streamSequence();
  }

  public void ack() {
    message.ack();
  }
}
