package dev.ben.actors.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.ledger.ContractNotice;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.nats.Subjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices on the core NATS subject {@code <namespace>.notices.contracts} as JSON. Anything on the subject that is not a notice is refused, counted in
 * {@code ben_bridge_refused_total{plane="notices"}} and logged; it never reaches a component.
 */
public final class NatsNoticePlane implements NoticePlane {


  private static final Logger log = LoggerFactory.getLogger(NatsNoticePlane.class);

  private final Subjects subjects;
  private final String subject;
  private final ObjectMapper mapper;
  private final LongAdder refused;

  public NatsNoticePlane(Subjects subjects, String namespace, ObjectMapper mapper, MetricsRegistry metrics) {
    this.subjects = subjects;
    this.subject = namespace + ".notices.contracts";
    this.mapper = mapper;
    this.refused = BridgeCounters.refused(metrics, "notices");
  }

  @Override
  public void publish(ContractNotice notice) {
    try {
      subjects.publish(subject, mapper.writeValueAsBytes(notice));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + notice, e);
    }
  }

  @Override
  public AutoCloseable subscribe(ActorRef<ContractNotice> subscriber) {
    return subjects.subscribe(subject, data -> {
      try {
        subscriber.tell(mapper.readValue(data, ContractNotice.class));
      } catch (IOException | IllegalArgumentException | NullPointerException e) {
        refused.increment();
        log.warn("refused a message on {} that is not a contract notice: {}", subject, e.getMessage());
      }
    });
  }
}
