package dev.ben.streams.eventlog;

import dev.ben.config.EventLogSettings;
import dev.ben.streams.nats.JetStreams;
import dev.ben.streams.nats.KvBuckets;
import dev.ben.streams.nats.NatsClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event log in NATS. Events are messages of one JetStream stream on the subject {@code
 * <subject>.<type>.<parent>.<id>} (dots of the type written as dashes, {@code _} for no parent), so
 * the stream sequence is the position and the subject alone finds an event by id or by parent:
 * appending is one publish, with no index to keep in step. Statuses and claim floors live in a KV
 * bucket ({@code c.<event>.<consumer>}, {@code f.<consumer>.<types>}) whose revisions give the
 * compare-and-set that lets only one claimer win.
 */
final class NatsEventSpace implements EventSpace {

  private static final String NO_PARENT = "_";

  private final JetStreams streams;
  private final KvBuckets kv;
  private final String stream;
  private final String subject;
  private final String bucket;

  NatsEventSpace(NatsClient nats, EventLogSettings settings) {
    this.streams = nats.streams();
    this.kv = nats.kv();
    this.stream = settings.stream();
    this.subject = settings.subject();
    this.bucket = settings.kvBucket();
    streams.ensure(stream, subject + ".>");
    kv.ensure(bucket);
  }

  @Override
  public StoredEvent append(LogEvent event) {
    String parent = event.parentId() == null ? NO_PARENT : event.parentId();
    long sequence =
        streams.publish(
            subject + "." + token(event.type()) + "." + parent + "." + event.id(),
            EventCodec.write(event));
    return new StoredEvent(sequence, event);
  }

  @Override
  public List<StoredEvent> read(long fromPosition, Set<String> types, int limit) {
    String filter =
        types.size() == 1 ? subject + "." + token(types.iterator().next()) + ".>" : subject + ".>";
    List<StoredEvent> out = new ArrayList<>();
    long from = Math.max(1, fromPosition);
    while (out.size() < limit) {
      Optional<JetStreams.StoredMessage> next = streams.next(stream, from, filter);
      if (next.isEmpty()) {
        break;
      }
      StoredEvent event = stored(next.get());
      if (types.isEmpty() || types.contains(event.type())) {
        out.add(event);
      }
      from = next.get().sequence() + 1;
    }
    return out;
  }

  @Override
  public Optional<StoredEvent> get(String eventId) {
    return streams.next(stream, 1, subject + ".*.*." + eventId).map(NatsEventSpace::stored);
  }

  @Override
  public List<StoredEvent> children(String eventId) {
    List<StoredEvent> out = new ArrayList<>();
    Optional<StoredEvent> parent = get(eventId);
    if (parent.isEmpty()) {
      return out;
    }
    // A child is appended after its parent, so the search starts there.
    long from = parent.get().position() + 1;
    Optional<JetStreams.StoredMessage> next;
    while ((next = streams.next(stream, from, subject + ".*." + eventId + ".*")).isPresent()) {
      out.add(stored(next.get()));
      from = next.get().sequence() + 1;
    }
    return out;
  }

  @Override
  public Optional<Revised<Consumption>> consumption(String eventId, String consumer) {
    return kv.entry(bucket, statusKey(eventId, consumer))
        .map(e -> new Revised<>(EventCodec.readConsumption(e.value()), e.revision()));
  }

  @Override
  public boolean create(Consumption consumption) {
    return kv.create(
        bucket,
        statusKey(consumption.eventId(), consumption.consumer()),
        EventCodec.write(consumption, 0));
  }

  @Override
  public boolean replace(Consumption consumption, long revision) {
    return kv.update(
        bucket,
        statusKey(consumption.eventId(), consumption.consumer()),
        EventCodec.write(consumption, 0),
        revision);
  }

  @Override
  public List<Consumption> consumptions(String eventId) {
    return kv.keys(bucket, "c." + eventId + ".*").stream()
        .map(key -> kv.get(bucket, key))
        .flatMap(Optional::stream)
        .map(EventCodec::readConsumption)
        .toList();
  }

  @Override
  public long floor(String consumer, String typesKey) {
    return kv.get(bucket, floorKey(consumer, typesKey))
        .map(b -> Long.parseLong(new String(b, StandardCharsets.UTF_8)))
        .orElse(0L);
  }

  @Override
  public void raiseFloor(String consumer, String typesKey, long floor) {
    // Racing claimers may write floors out of order; a lower floor only makes claims scan more.
    if (floor > floor(consumer, typesKey)) {
      kv.put(
          bucket,
          floorKey(consumer, typesKey),
          Long.toString(floor).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    // The NATS client belongs to whoever opened the store.
  }

  private static StoredEvent stored(JetStreams.StoredMessage message) {
    return new StoredEvent(message.sequence(), EventCodec.readEvent(message.data()));
  }

  /** A type as one subject token: types are dot-separated lowercase words without dashes. */
  private static String token(String type) {
    return type.replace('.', '-');
  }

  private static String statusKey(String eventId, String consumer) {
    return "c." + eventId + "." + consumer;
  }

  private static String floorKey(String consumer, String typesKey) {
    return "f." + consumer + "." + typesKey;
  }
}
