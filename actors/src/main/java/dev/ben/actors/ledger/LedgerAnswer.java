package dev.ben.actors.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import dev.ben.actors.ClusterSerializable;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The ledger's reply to a control request: the control API's reply message in its protobuf
 * encoding, or a refusal with its kind. Replies cross nodes (the gRPC endpoint and the ledger
 * singleton may live on different members), so the API message travels as its own bytes inside a
 * CBOR envelope instead of needing a serializer of its own.
 */
public record LedgerAnswer(byte[] reply, LedgerRefusal.Kind refusedAs, String refusal)
    implements ClusterSerializable {

  public static LedgerAnswer of(MessageLite reply) {
    return new LedgerAnswer(reply.toByteArray(), null, null);
  }

  public static LedgerAnswer refused(LedgerRefusal refusal) {
    return new LedgerAnswer(null, refusal.kind(), refusal.getMessage());
  }

  /**
   * The reply decoded as the type the request expects; throws the refusal when the ledger said no.
   */
  public <T> T value(Parser<T> parser) {
    if (refusedAs != null) {
      throw new LedgerRefusal(refusedAs, refusal);
    }
    try {
      return parser.parseFrom(reply);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the ledger's reply does not decode: " + e.getMessage(), e);
    }
  }

  /** Runs a request; a refusal becomes the answer, so the caller always hears back. */
  static void answer(ActorRef<LedgerAnswer> replyTo, Supplier<LedgerAnswer> work) {
    LedgerAnswer answer;
    try {
      answer = work.get();
    } catch (LedgerRefusal refusal) {
      answer = LedgerAnswer.refused(refusal);
    }
    if (answer != null) {
      replyTo.tell(answer);
    }
  }
}
