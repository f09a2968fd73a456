package dev.ben.streams.store.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.tables.DecisionColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored events back from replica tables for front ends, newest first: one parameterised
 * query per table (every value from the caller is a bound parameter; table and key field names come
 * from the contract), merged, and cut at the limit; a page that has more after it says where the
 * next one starts. Receipt times are the whole seconds the tables keep.
 */
public final class ReplicaQuery {

  /** Columns that describe the decision, not the event; the rest of a row is the event's body. */
  private static final List<String> DECISION_COLUMNS = DecisionColumns.DECISION;

  private static final String RECEIVED = "ben_received_at_s";

  /** A replicated table ({@code <table>_replica} is read) and its schema's key fields. */
  public record Table(String table, List<String> keyFields) {}

  /** Where a page ended, or starts: strictly older than this. */
  public record Position(long receivedAtSeconds, String eventId) {}

  /**
   * Events received in [{@code fromSeconds}, {@code toSeconds}) matching every filter given; {@code
   * key} matches any of a table's key fields as text; {@code playbook} an event on which that
   * playbook fired or was suppressed.
   */
  public record Filter(
      long fromSeconds,
      long toSeconds,
      Optional<String> app,
      Optional<String> rule,
      Optional<String> action,
      Optional<String> playbook,
      Optional<String> key,
      int limit,
      Optional<Position> after) {}

  public record Row(
      String eventId, long receivedAtSeconds, String app, ObjectNode body, ObjectNode decisions) {}

  public record Page(List<Row> rows, Optional<Position> next) {}

  private final AnalyticalStore store;
  private final ObjectMapper mapper;

  public ReplicaQuery(AnalyticalStore store, ObjectMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  public Page read(List<Table> tables, Filter filter) {
    List<Row> rows = new ArrayList<>();
    for (Table table : tables) {
      ReplicaSql sql = ReplicaSql.of(store.embedded(), table, filter);
      store.queryJson(sql.text(), sql.parameters()).forEach(row -> rows.add(row(row)));
    }
    rows.sort(
        Comparator.comparingLong(Row::receivedAtSeconds).thenComparing(Row::eventId).reversed());
    if (rows.size() <= filter.limit()) {
      return new Page(rows, Optional.empty());
    }
    List<Row> page = List.copyOf(rows.subList(0, filter.limit()));
    Row last = page.get(page.size() - 1);
    return new Page(page, Optional.of(new Position(last.receivedAtSeconds(), last.eventId())));
  }

  private Row row(ObjectNode stored) {
    ObjectNode body = stored.deepCopy();
    String eventId = body.remove("event_id").asText();
    long received = body.remove(RECEIVED).asLong();
    body.remove("ingested_at");
    ObjectNode decisions = mapper.createObjectNode();
    for (String column : DECISION_COLUMNS) {
      JsonNode value = body.remove(column);
      if (value != null && !column.equals("app")) {
        decisions.set(name(column), parsed(value));
      }
    }
    return new Row(eventId, received, stored.path("app").asText(""), body, decisions);
  }

  /** The decision's names as the live tail shows them. */
  private static String name(String column) {
    return switch (column) {
      case "detector_values" -> "detectors";
      case "playbook_outcomes" -> "playbooks";
      default -> column;
    };
  }

  /** JSON columns are stored as text; anything that is not JSON text stays as it is. */
  private JsonNode parsed(JsonNode value) {
    if (value.isTextual() && (value.asText().startsWith("{") || value.asText().startsWith("["))) {
      try {
        return mapper.readTree(value.asText());
      } catch (java.io.IOException e) {
        return value;
      }
    }
    return value;
  }
}
