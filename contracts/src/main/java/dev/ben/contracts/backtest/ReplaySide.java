package dev.ben.contracts.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.testbench.EventRunner;
import java.util.HashMap;
import java.util.Map;

/**
 * One version's side of a backtest: its engines (a test bench runner per schema, each with its own
 * detector and playbook state from empty) and its tally.
 */
final class ReplaySide {

  private final ContractSet contracts;
  private final ContractRuntime runtime;
  private final Map<String, EventRunner> runners = new HashMap<>();
  private final SideTally tally = new SideTally();

  ReplaySide(ContractSet contracts, String pipeline, byte[] hashKey) {
    this.contracts = contracts;
    pipeline(contracts, pipeline);
    this.runtime = ContractRuntime.build(contracts, pipeline, hashKey);
  }

  static Pipeline pipeline(ContractSet contracts, String name) {
    return contracts
        .pipeline(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "version "
                        + contracts.version()
                        + " declares no pipeline '"
                        + name
                        + "'; it declares "
                        + contracts.pipelines().stream().map(Pipeline::name).toList()));
  }

  Pipeline pipeline() {
    return runtime.pipeline();
  }

  String version() {
    return contracts.version();
  }

  SideTally tally() {
    return tally;
  }

  /** Declares this side's rules and playbooks in {@code target}, so both sides list the union. */
  void declareTo(SideTally target) {
    for (String policy : pipeline().policies()) {
      contracts
          .policy(policy)
          .map(PolicyPack::rules)
          .ifPresent(
              rules ->
                  rules.stream().map(Rule::name).forEach(r -> target.declare(SideTally.RULE, r)));
    }
    pipeline().playbooks().forEach(p -> target.declare(SideTally.PLAYBOOK, p));
  }

  /** The outcome of one event, counted; an event of a schema this side lacks is refused. */
  JsonNode run(String schema, int ordinal, String json) {
    JsonNode outcome;
    if (!pipeline().schemas().contains(schema)) {
      outcome =
          JsonNodeFactory.instance
              .objectNode()
              .put("line", ordinal)
              .put(
                  SideTally.REFUSED,
                  "version " + version() + " of '" + pipeline().name() + "' takes no " + schema);
    } else {
      outcome =
          runners.computeIfAbsent(schema, s -> new EventRunner(runtime, s)).run(ordinal, json);
    }
    tally.count(outcome);
    return outcome;
  }
}
