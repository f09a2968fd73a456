package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A snapshot topic's subscription: its source read at once and then every {@code interval}, each
 * answer one item (numbered from 1, at the answer's own {@code at} when it has one), each failure a
 * {@link Delivery.Failed}. Ticks a slow reader cannot take are skipped, not queued.
 */
final class Polled {

  private Polled() {}

  static Source<Delivery, NotUsed> every(
      Duration interval, Supplier<CompletionStage<JsonNode>> read, LongSupplier clock) {
    AtomicLong seq = new AtomicLong();
    return Source.tick(Duration.ZERO, interval, NotUsed.getInstance())
        .mapMaterializedValue(cancellable -> NotUsed.getInstance())
        .mapAsync(
            1,
            tick ->
                read.get()
                    .handle(
                        (data, failure) ->
                            failure == null
                                ? (Delivery)
                                    new Delivery.Item(
                                        new TopicItem(
                                            seq.incrementAndGet(),
                                            data.path("at").asLong(clock.getAsLong()),
                                            data))
                                : new Delivery.Failed(Failures.reason(failure))));
  }
}
