package dev.ben.contracts.testbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.model.ContractSet;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of a pipeline's contracts over events, from fresh detector state: each event's outcome as
 * {@code benctl test -o json} prints it, in order, and the tally of the run.
 */
public final class TestBenchRun {

  /**
   * The deployment key for {@code hash(keyed)} redactions when none is given, fixed so that runs
   * (and expectations) are reproducible.
   */
  public static final String DEFAULT_HASH_KEY = "benctl-test-key";

  private TestBenchRun() {}

  /** What a run produced: the outcomes, one per event line, and their tally. */
  public record Result(List<ObjectNode> outcomes, RunTally tally) {

    /**
     * {@code {"outcomes":[...],"output":"...","events":n,"refused":n,"playbook_firings":n}}: the
     * outcomes, the text {@code benctl test -o json} prints for them (a reader that parses and
     * re-serialises the outcomes may print {@code 1.0} as {@code 1}; {@code output} is the text
     * itself) and the counts of its summary line.
     */
    public ObjectNode toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      ArrayNode array = json.putArray("outcomes");
      outcomes.forEach(array::add);
      return json.put("output", output())
          .put("events", tally.events())
          .put("refused", tally.refused())
          .put("playbook_firings", tally.fired());
    }

    /** The outcomes as {@code benctl test -o json} prints them: one JSON line each. */
    public String output() {
      StringBuilder text = new StringBuilder();
      outcomes.forEach(outcome -> text.append(jsonLine(outcome)));
      return text.toString();
    }
  }

  /** One outcome as {@code benctl test -o json} prints it: compact JSON and a newline. */
  public static String jsonLine(JsonNode outcome) {
    return outcome + "\n";
  }

  /** Runs {@code lines} of {@code schema} through {@code pipeline} of {@code contracts}. */
  public static Result run(
      ContractSet contracts,
      String pipeline,
      String schema,
      String hashKey,
      List<EventLines.Line> lines) {
    EventRunner runner =
        new EventRunner(
            ContractRuntime.build(contracts, pipeline, hashKey.getBytes(StandardCharsets.UTF_8)),
            schema);
    RunTally tally = new RunTally();
    List<ObjectNode> outcomes =
        lines.stream()
            .map(
                line -> {
                  ObjectNode outcome = runner.run(line.number(), line.text());
                  tally.count(outcome);
                  return outcome;
                })
            .toList();
    return new Result(outcomes, tally);
  }
}
