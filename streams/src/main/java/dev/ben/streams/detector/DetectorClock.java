package dev.ben.streams.detector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.DetectorSettings;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Timestamps;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The time detector windows, TTLs and cooldowns see for an event ({@code ben.detector.clock}): the
 * wall clock read once per round, or the event's own time, read from its schema's first timestamp
 * field (epoch milliseconds or ISO-8601 text, as the spine accepted it), falling back to the
 * round's wall clock when the event has none.
 */
public final class DetectorClock {

  private final LongSupplier wall;
  private final boolean eventTime;
  private final Map<String, Optional<String>> timeFields = new ConcurrentHashMap<>();

  private DetectorClock(LongSupplier wall, boolean eventTime) {
    this.wall = wall;
    this.eventTime = eventTime;
  }

  /** Every event of a round at the wall clock's reading when the round started. */
  public static DetectorClock wall(LongSupplier wall) {
    return new DetectorClock(wall, false);
  }

  /** Each event at its own time; {@code wall} for events that carry none. */
  public static DetectorClock eventTime(LongSupplier wall) {
    return new DetectorClock(wall, true);
  }

  public static DetectorClock of(DetectorSettings.Clock clock, LongSupplier wall) {
    return clock == DetectorSettings.Clock.EVENT ? eventTime(wall) : wall(wall);
  }

  /** The wall clock's reading for a round. */
  long roundTime() {
    return wall.getAsLong();
  }

  /** The time of one event of the named schema in a round read at {@code roundTime}. */
  long timeOf(ObjectNode body, ContractRuntime runtime, String schemaName, long roundTime) {
    return timeOf(null, body, runtime, schemaName, roundTime);
  }

  /**
   * The same time, read from {@code typed}, the event {@code body} stands for, where it can be (see
   * {@link FieldText}); null to read the body.
   */
  long timeOf(
      Event typed, ObjectNode body, ContractRuntime runtime, String schemaName, long roundTime) {
    if (!eventTime) {
      return roundTime;
    }
    Schema schema = runtime.contracts().schema(schemaName).orElse(null);
    if (schema == null) {
      return roundTime;
    }
    Optional<String> field = timeFields.get(schema.fingerprint());
    if (field == null) {
      field =
          timeFields.computeIfAbsent(schema.fingerprint(), fingerprint -> firstTimestamp(schema));
    }
    if (field.isEmpty()) {
      return roundTime;
    }
    long millis = typed == null ? FieldText.MILLIS_FROM_BODY : FieldText.millis(typed, field.get());
    if (millis == FieldText.MILLIS_FROM_BODY) {
      millis = millis(body.get(field.get()));
    }
    return millis == Timestamps.UNKNOWN ? roundTime : millis;
  }

  private static Optional<String> firstTimestamp(Schema schema) {
    return schema.fields().stream()
        .filter(field -> field.type() == FieldType.TIMESTAMP && !field.array())
        .map(SchemaField::name)
        .findFirst();
  }

  private static long millis(JsonNode value) {
    if (value == null) {
      return Timestamps.UNKNOWN;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (!value.isTextual()) {
      return Timestamps.UNKNOWN;
    }
    long millis = Timestamps.parseIsoMillis(value.textValue());
    if (millis != Timestamps.UNKNOWN) {
      return millis;
    }
    try {
      return OffsetDateTime.parse(value.textValue()).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return Timestamps.UNKNOWN;
    }
  }
}
