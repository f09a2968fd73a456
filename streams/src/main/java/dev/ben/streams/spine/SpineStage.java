package dev.ben.streams.spine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.event.Translation;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The spine's logic: each event is translated into the pipeline's schema and evaluated by the contract version
 * the slot holds when the event arrives, and leaves carrying that version and its decisions. An event that does
 * not fit the schema is refused and counted with the reason, and so is every event that arrives before any
 * version is loaded (the pipeline runs only once one is, so that count stays zero unless something is wrong).
 * Events are read as the pipeline's first schema; choosing among several at the sidecar comes with its protocol.
 */
public final class SpineStage {

  /** Refusal reasons; labels of the stage's refused counter, so they stay few. */
  public static final String NO_CONTRACT = "no contract version loaded";
  public static final String NOT_IN_SCHEMA = "does not fit the schema";

  private SpineStage() {}

  public static Flow<Envelope, Envelope, NotUsed> evaluating(
      ContractSlot slot, StageCounters counters, ObjectMapper mapper, LongSupplier clock) {
    return Flow.<Envelope>create().mapConcat(envelope -> evaluate(slot, counters, mapper, clock, envelope));
  }

  private static List<Envelope> evaluate(
      ContractSlot slot, StageCounters counters, ObjectMapper mapper, LongSupplier clock, Envelope envelope)
      throws Exception {
    ActiveContract active = slot.current().orElse(null);
    if (active == null) {
      counters.count(Outcome.REFUSED, NO_CONTRACT);
      return List.of();
    }
    String schema = active.runtime().pipeline().schemas().get(0);
    Translation translation = active.runtime().translate(schema, mapper.writeValueAsBytes(envelope.body()));
    if (translation instanceof Translation.Refused) {
      counters.count(Outcome.REFUSED, NOT_IN_SCHEMA);
      return List.of();
    }
    var event = ((Translation.Accepted) translation).event();
    var result = active.runtime().evaluate(event, clock.getAsLong());
    return List.of(envelope.evaluated(new Envelope.Evaluation(active.version(), result)));
  }
}
