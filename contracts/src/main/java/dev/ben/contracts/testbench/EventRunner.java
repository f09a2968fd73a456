package dev.ben.contracts.testbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.nio.charset.StandardCharsets;

/**
 * Runs events of one schema through a pipeline's engines in order, carrying detector and playbook
 * state from one event to the next, and describes each outcome as the JSON object {@code benctl
 * test -o json} prints (and bux's test bench answers).
 *
 * <p>Event time is the event's first {@code timestamp} field, so windows, TTLs and cooldowns behave
 * as they would have when the events happened; an event without one reuses the previous event's
 * time, keeping runs reproducible.
 */
public final class EventRunner {

  private static final ObjectMapper JSON = ModelJson.mapper();

  private final ContractRuntime runtime;
  private final String schema;
  private final int timeField;
  private long lastTime;

  public EventRunner(ContractRuntime runtime, String schema) {
    this.runtime = runtime;
    this.schema = schema;
    this.timeField = firstTimestamp(runtime.contracts().schema(schema).orElseThrow());
  }

  private static int firstTimestamp(Schema schema) {
    for (int i = 0; i < schema.fields().size(); i++) {
      SchemaField field = schema.fields().get(i);
      if (field.type() == FieldType.TIMESTAMP && !field.array()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The outcome of one input line (numbered from 1): the evaluation, or why the event was refused.
   */
  public ObjectNode run(int lineNumber, String line) {
    ObjectNode outcome = JSON.createObjectNode();
    outcome.put("line", lineNumber);
    Translation translation = runtime.translate(schema, line.getBytes(StandardCharsets.UTF_8));
    if (translation instanceof Translation.Refused refused) {
      outcome.put("refused", refused.message());
      return outcome;
    }
    Event event = ((Translation.Accepted) translation).event();
    if (timeField >= 0 && event.isPresent(timeField)) {
      lastTime = event.longValue(timeField);
    }
    outcome.put("time", lastTime);
    EvaluationResult result = runtime.evaluate(event, lastTime);
    outcome.setAll((ObjectNode) JSON.valueToTree(result));
    return outcome;
  }
}
