package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppendedPointsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final AppendedPoints appended = new AppendedPoints();
  private long seq;

  /** A history body with points written as {@code at:node:series=value,...}. */
  private Delivery body(String... points) throws Exception {
    StringBuilder json = new StringBuilder("{\"at\":99,\"interval_ms\":1000,\"points\":[");
    for (int i = 0; i < points.length; i++) {
      String[] parts = points[i].split(":");
      json.append(i == 0 ? "" : ",")
          .append("{\"at\":")
          .append(parts[0])
          .append(",\"node\":\"")
          .append(parts[1])
          .append("\",\"series\":{");
      String[] values = parts[2].split(",");
      for (int v = 0; v < values.length; v++) {
        String[] kv = values[v].split("=");
        json.append(v == 0 ? "" : ",").append('"').append(kv[0]).append("\":").append(kv[1]);
      }
      json.append("},\"rates\":{}}");
    }
    json.append("]}");
    return new Delivery.Item(new TopicItem(++seq, 99, JSON.readTree(json.toString())));
  }

  private static JsonNode data(List<Delivery> out) {
    assertEquals(1, out.size(), out.toString());
    return ((Delivery.Item) out.get(0)).item().data();
  }

  @Test
  void theFirstBodyIsWholeAndLaterOnesCarryOnlyNewerPointsPerNodeAndSeries() throws Exception {
    JsonNode first = data(appended.next(body("1:a:x=1,y=1", "1:b:x=5")));
    assertEquals(2, first.get("points").size());
    assertFalse(first.has("appended"));

    JsonNode second = data(appended.next(body("1:a:x=1,y=1", "1:b:x=5", "2:a:x=2", "1:c:x=7")));
    assertTrue(second.get("appended").asBoolean());
    assertEquals(
        JSON.readTree(
            "[{\"at\":2,\"node\":\"a\",\"series\":{\"x\":2},\"rates\":{}},"
                + "{\"at\":1,\"node\":\"c\",\"series\":{\"x\":7},\"rates\":{}}]"),
        second.get("points"));

    // A point holding a series already sent at that time and a new one keeps the new one only.
    JsonNode third = data(appended.next(body("2:a:x=2,z=4")));
    assertEquals(
        JSON.readTree("{\"z\":4}"), third.get("points").get(0).get("series"), third.toString());
  }

  @Test
  void aBodyWithNothingNewIsNotSentButAFailureIs() throws Exception {
    appended.next(body("1:a:x=1"));
    assertEquals(List.of(), appended.next(body("1:a:x=1")));
    Delivery failed = new Delivery.Failed("the history did not answer");
    assertEquals(List.of(failed), appended.next(failed));
  }

  @Test
  void mergingKeepsEveryPointAndWhetherTheOlderWasTheSnapshot() throws Exception {
    Delivery snapshot = appended.next(body("1:a:x=1")).get(0);
    Delivery later = appended.next(body("2:a:x=2")).get(0);
    Delivery merged = AppendedPoints.merge(snapshot, later);
    JsonNode data = ((Delivery.Item) merged).item().data();
    assertEquals(2, data.get("points").size());
    assertEquals(2, data.get("points").get(1).get("at").asLong());
    assertFalse(data.has("appended"), "a snapshot merged with what followed is a snapshot");
    assertEquals(((Delivery.Item) later).item().seq(), ((Delivery.Item) merged).item().seq());

    Delivery failed = new Delivery.Failed("late");
    assertSame(later, AppendedPoints.merge(later, failed));
    assertSame(later, AppendedPoints.merge(failed, later));
  }
}
