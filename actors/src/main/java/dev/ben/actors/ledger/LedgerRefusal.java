package dev.ben.actors.ledger;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ben.actors.ClusterSerializable;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * The ledger said no, for a reason a person can act on. The kind decides how the control API
 * reports it (and so benctl's exit code); the message is shown as is. It travels as the error of a
 * {@link StatusReply}, possibly to another node, so it serializes as its kind and message alone.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.NONE,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class LedgerRefusal extends RuntimeException implements ClusterSerializable {

  /** Why, in the terms of the control API. */
  public enum Kind {
    /** The request or the bundle is malformed or does not validate. */
    INVALID,
    /** The bundle's signature is invalid or its key is not trusted. */
    UNTRUSTED,
    /** No such pipeline or version. */
    NOT_FOUND,
    /**
     * The request does not fit the pipeline's state (already active, nothing to roll back, busy).
     */
    CONFLICT
  }

  private static final long serialVersionUID = 1L;

  private final Kind kind;

  @JsonCreator
  public LedgerRefusal(@JsonProperty("kind") Kind kind, @JsonProperty("message") String message) {
    super(message);
    this.kind = kind;
  }

  @JsonProperty("kind")
  public Kind kind() {
    return kind;
  }

  @JsonProperty("message")
  @Override
  public String getMessage() {
    return super.getMessage();
  }

  /** Answers now: the work's result, or the refusal it threw. */
  static <T> void answer(ActorRef<StatusReply<T>> replyTo, Supplier<T> work) {
    StatusReply<T> reply;
    try {
      reply = StatusReply.success(work.get());
    } catch (LedgerRefusal refusal) {
      reply = StatusReply.error(refusal);
    }
    replyTo.tell(reply);
  }

  /** Runs work whose answer comes later, from another message; a refusal is answered now. */
  static <T> void answerLater(ActorRef<StatusReply<T>> replyTo, Runnable work) {
    try {
      work.run();
    } catch (LedgerRefusal refusal) {
      replyTo.tell(StatusReply.error(refusal));
    }
  }
}
