package dev.ben.contracts.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of one side of a backtest, taken from each outcome as the test bench describes it:
 * events refused, and per rule and playbook how often it fired (and, for playbooks, how often its
 * bound suppressed it). Only names the contracts declare are counted, so the maps stay as small as
 * the contracts.
 */
final class SideTally {

  static final String RULE = "rule";
  static final String PLAYBOOK = "playbook";
  static final String EVENTS = "events";
  static final String FIRED = "fired";
  static final String SUPPRESSED = "suppressed";
  static final String REFUSED = "refused";

  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private long refused;

  /** Starts every declared rule and playbook at zero, so unchanged silence shows too. */
  void declare(String kind, String name) {
    counts.computeIfAbsent(key(kind, name, FIRED), k -> new long[1]);
    if (kind.equals(PLAYBOOK)) {
      counts.computeIfAbsent(key(kind, name, SUPPRESSED), k -> new long[1]);
    }
  }

  void count(JsonNode outcome) {
    if (outcome.has(REFUSED)) {
      refused++;
      return;
    }
    for (JsonNode rule : outcome.path("rules")) {
      bump(key(RULE, rule.asText(), FIRED));
    }
    for (JsonNode playbook : outcome.path("playbooks")) {
      String measure = "FIRED".equals(playbook.path("status").asText()) ? FIRED : SUPPRESSED;
      bump(key(PLAYBOOK, playbook.path("playbook").asText(), measure));
    }
  }

  private void bump(String key) {
    long[] count = counts.get(key);
    if (count != null) {
      count[0]++;
    }
  }

  long refused() {
    return refused;
  }

  /** The count under {@code kind/name/measure}, 0 when never declared. */
  long get(String key) {
    long[] count = counts.get(key);
    return count == null ? 0 : count[0];
  }

  Iterable<String> keys() {
    return counts.keySet();
  }

  static String key(String kind, String name, String measure) {
    return kind + "/" + name + "/" + measure;
  }
}
