package dev.ben.contracts.testbench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a run over events produced, counted from its outcomes: events, refusals, playbook firings.
 */
public final class RunTally {

  private int events;
  private int refused;
  private int fired;

  /** Counts one outcome as {@link EventRunner#run} describes it. */
  public void count(JsonNode outcome) {
    events++;
    if (outcome.has("refused")) {
      refused++;
      return;
    }
    for (JsonNode playbook : outcome.get("playbooks")) {
      if ("FIRED".equals(playbook.get("status").asText())) {
        fired++;
      }
    }
  }

  public int events() {
    return events;
  }

  public int refused() {
    return refused;
  }

  public int fired() {
    return fired;
  }
}
