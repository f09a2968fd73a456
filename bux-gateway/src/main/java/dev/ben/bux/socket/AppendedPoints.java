package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code history} subscription's view of the history bodies read for it: the first whole, each
 * later one cut to the points newer than the last its subscriber got, per node and series (a point
 * keeps only its new series and rates, and is left out when none is new), marked {@code "appended":
 * true}; a body with nothing new is not sent at all. A slow subscriber's bodies are {@link #merge
 * merged}, so conflating loses no point.
 */
final class AppendedPoints {

  /** Points one merged body holds at most; a subscriber that far behind loses the oldest. */
  static final int MAX_MERGED_POINTS = 10_000;

  private static final String[] VALUES = {"series", "rates"};

  private final Map<String, Long> lastAt = new HashMap<>();
  private boolean first = true;

  /** What of this delivery the subscriber has not had: none, or one delivery. */
  synchronized List<Delivery> next(Delivery delivery) {
    if (!(delivery instanceof Delivery.Item item) || !(item.item().data() instanceof ObjectNode)) {
      return List.of(delivery);
    }
    ObjectNode body = ((ObjectNode) item.item().data()).deepCopy();
    ArrayNode fresh = body.arrayNode();
    for (JsonNode point : body.path("points")) {
      if (point instanceof ObjectNode p && newer(p)) {
        fresh.add(p);
      }
    }
    boolean whole = first;
    first = false;
    if (!whole && fresh.isEmpty()) {
      return List.of();
    }
    body.set("points", fresh);
    if (!whole) {
      body.put("appended", true);
    }
    TopicItem cut = new TopicItem(item.item().seq(), item.item().at(), body);
    return List.of(new Delivery.Item(cut));
  }

  /** Keeps the point's values newer than the last of their series; whether any was. */
  private boolean newer(ObjectNode point) {
    long at = point.path("at").asLong();
    String node = point.path("node").asText("");
    boolean any = false;
    for (String values : VALUES) {
      if (!(point.get(values) instanceof ObjectNode named)) {
        continue;
      }
      var names = named.fieldNames();
      while (names.hasNext()) {
        String key = values + '\u0000' + node + '\u0000' + names.next();
        if (at > lastAt.getOrDefault(key, Long.MIN_VALUE)) {
          lastAt.put(key, at);
          any = true;
        } else {
          names.remove();
        }
      }
    }
    return any;
  }

  /**
   * Two deliveries a slow subscriber has not taken, as one: two bodies' points joined (the older's
   * first, at most {@value #MAX_MERGED_POINTS}), a failure dropped in favour of the data it would
   * replace.
   */
  static Delivery merge(Delivery older, Delivery newer) {
    if (!(older instanceof Delivery.Item before)) {
      return newer;
    }
    if (!(newer instanceof Delivery.Item after)) {
      return older;
    }
    if (!(after.item().data() instanceof ObjectNode newest)
        || !(before.item().data() instanceof ObjectNode oldest)) {
      return newer;
    }
    ObjectNode merged = newest.deepCopy();
    ArrayNode points = merged.arrayNode();
    oldest.path("points").forEach(points::add);
    newest.path("points").forEach(points::add);
    while (points.size() > MAX_MERGED_POINTS) {
      points.remove(0);
    }
    merged.set("points", points);
    if (!oldest.path("appended").asBoolean()) {
      merged.remove("appended");
    }
    return new Delivery.Item(new TopicItem(after.item().seq(), after.item().at(), merged));
  }
}
