package dev.ben.streams.eventlog;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event log in one RocksDB directory, under key prefixes: {@code e/<position>} the events,
 * {@code i/<id>} and {@code p/<parent>/<position>} their lookups, {@code c/<event>/<consumer>} the
 * statuses, {@code f/<consumer>/<types>} the claim floors, {@code seq} the last position. Positions
 * are fixed-width hex so keys sort in position order. One process holds the directory, so writes go
 * through one lock (one writer), which makes appends and compare-and-set atomic; each write is one
 * synced batch.
 */
final class RocksEventSpace implements EventSpace {

  private static final String SEQUENCE = "seq";

  /** Events decoded per step of a filtered read. */
  private static final int SCAN_PAGE = 256;

  private final RocksIndex index;
  private long last;

  RocksEventSpace(RocksIndex index) {
    this.index = index;
    this.last = index.get(utf8(SEQUENCE)).map(b -> Long.parseLong(text(b))).orElse(0L);
  }

  @Override
  public synchronized StoredEvent append(LogEvent event) {
    long position = last + 1;
    String at = hex(position);
    List<Map.Entry<byte[], byte[]>> puts = new ArrayList<>();
    puts.add(entry("e/" + at, EventCodec.write(event)));
    puts.add(entry("i/" + event.id(), utf8(at)));
    if (event.parentId() != null) {
      puts.add(entry("p/" + event.parentId() + "/" + at, utf8(event.id())));
    }
    puts.add(entry(SEQUENCE, utf8(Long.toString(position))));
    index.write(puts, List.of(), true);
    last = position;
    return new StoredEvent(position, event);
  }

  @Override
  public List<StoredEvent> read(long fromPosition, Set<String> types, int limit) {
    List<StoredEvent> out = new ArrayList<>();
    byte[] from = utf8("e/" + hex(fromPosition));
    int pageSize = Math.max(limit, SCAN_PAGE);
    while (out.size() < limit) {
      List<Map.Entry<byte[], byte[]>> page = index.scan(utf8("e/"), from, pageSize);
      for (Map.Entry<byte[], byte[]> e : page) {
        StoredEvent event = stored(e.getKey(), e.getValue());
        if ((types.isEmpty() || types.contains(event.type())) && out.size() < limit) {
          out.add(event);
        }
      }
      if (page.size() < pageSize) {
        break;
      }
      from = utf8("e/" + hex(position(page.get(page.size() - 1).getKey()) + 1));
    }
    return out;
  }

  @Override
  public Optional<StoredEvent> get(String eventId) {
    return index
        .get(utf8("i/" + eventId))
        .map(at -> utf8("e/" + text(at)))
        .flatMap(key -> index.get(key).map(value -> stored(key, value)));
  }

  @Override
  public List<StoredEvent> children(String eventId) {
    return index.scan(utf8("p/" + eventId + "/"), Integer.MAX_VALUE).stream()
        .map(e -> get(text(e.getValue())).orElseThrow())
        .toList();
  }

  @Override
  public Optional<Revised<Consumption>> consumption(String eventId, String consumer) {
    return index
        .get(statusKey(eventId, consumer))
        .map(b -> new Revised<>(EventCodec.readConsumption(b), EventCodec.revisionOf(b)));
  }

  @Override
  public synchronized boolean create(Consumption consumption) {
    byte[] key = statusKey(consumption.eventId(), consumption.consumer());
    if (index.get(key).isPresent()) {
      return false;
    }
    index.write(List.of(entry(key, EventCodec.write(consumption, 1))), List.of(), true);
    return true;
  }

  @Override
  public synchronized boolean replace(Consumption consumption, long revision) {
    byte[] key = statusKey(consumption.eventId(), consumption.consumer());
    Optional<byte[]> current = index.get(key);
    if (current.isEmpty() || EventCodec.revisionOf(current.get()) != revision) {
      return false;
    }
    index.write(List.of(entry(key, EventCodec.write(consumption, revision + 1))), List.of(), true);
    return true;
  }

  @Override
  public List<Consumption> consumptions(String eventId) {
    return index.scan(utf8("c/" + eventId + "/"), Integer.MAX_VALUE).stream()
        .map(e -> EventCodec.readConsumption(e.getValue()))
        .toList();
  }

  @Override
  public long floor(String consumer, String typesKey) {
    return index
        .get(utf8(floorKey(consumer, typesKey)))
        .map(b -> Long.parseLong(text(b)))
        .orElse(0L);
  }

  @Override
  public synchronized void raiseFloor(String consumer, String typesKey, long floor) {
    if (floor > floor(consumer, typesKey)) {
      index.write(
          List.of(entry(floorKey(consumer, typesKey), utf8(Long.toString(floor)))),
          List.of(),
          false);
    }
  }

  @Override
  public void close() {
    index.close();
  }

  private static StoredEvent stored(byte[] key, byte[] value) {
    return new StoredEvent(position(key), EventCodec.readEvent(value));
  }

  private static long position(byte[] eventKey) {
    return Long.parseUnsignedLong(text(eventKey).substring(2), 16);
  }

  private static byte[] statusKey(String eventId, String consumer) {
    return utf8("c/" + eventId + "/" + consumer);
  }

  private static String floorKey(String consumer, String typesKey) {
    return "f/" + consumer + "/" + typesKey;
  }

  private static String hex(long position) {
    return String.format("%016x", position);
  }

  private static Map.Entry<byte[], byte[]> entry(String key, byte[] value) {
    return entry(utf8(key), value);
  }

  private static Map.Entry<byte[], byte[]> entry(byte[] key, byte[] value) {
    return new SimpleImmutableEntry<>(key, value);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
