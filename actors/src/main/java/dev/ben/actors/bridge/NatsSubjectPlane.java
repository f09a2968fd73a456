package dev.ben.actors.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.nats.Subjects;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plane on one core NATS subject, messages as JSON. Anything on the subject that does not decode
 * as the plane's type is refused, counted in {@code ben_bridge_refused_total{plane}} and logged; it
 * never reaches a subscriber.
 */
public final class NatsSubjectPlane<T> implements MessagePlane<T> {

  private static final Logger log = LoggerFactory.getLogger(NatsSubjectPlane.class);

  private final Subjects subjects;
  private final String subject;
  private final Class<T> type;
  private final ObjectMapper mapper;
  private final CounterDataPoint refused;

  /** {@code plane} names the plane in the refusal counter, e.g. {@code notices}. */
  public NatsSubjectPlane(
      Subjects subjects,
      String subject,
      Class<T> type,
      ObjectMapper mapper,
      MetricsRegistry metrics,
      String plane) {
    this.subjects = subjects;
    this.subject = subject;
    this.type = type;
    this.mapper = mapper;
    this.refused = BridgeCounters.refused(metrics, plane);
  }

  @Override
  public void publish(T message) {
    try {
      subjects.publish(subject, mapper.writeValueAsBytes(message));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + message, e);
    }
  }

  @Override
  public AutoCloseable subscribe(ActorRef<T> subscriber) {
    return subjects.subscribe(
        subject,
        data -> {
          try {
            subscriber.tell(mapper.readValue(data, type));
          } catch (IOException | IllegalArgumentException | NullPointerException e) {
            refused.inc();
            log.warn(
                "refused a message on {} that is not a {}: {}",
                subject,
                type.getSimpleName(),
                e.getMessage());
          }
        });
  }
}
