package dev.ben.contracts.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PlaybookCondition;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Threshold;
import dev.ben.contracts.model.ThresholdLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a candidate decides from fields the source stored only redacted (hashed, masked, truncated,
 * dropped): its predicates and thresholds that read such a field, the predicates composed of those,
 * the rules over their bits and the playbooks that name any of them. Their outcomes on stored
 * events would be computed on redacted values, so the report flags them as not replayable from
 * stored data, with the number of events that held a value in such a field. Detectors need no flag:
 * they see redacted events live too.
 */
final class RedactedReads {

  /** One flagged decision: its kind, name, the redacted fields it reads, and events touched. */
  private record Flag(String kind, String name, String schema, Set<String> fields, long[] events) {}

  private final List<Flag> flags = new ArrayList<>();

  /** Every bit, rule and fact of the policies by name, with the redacted fields behind it. */
  private final Map<String, Set<String>> flaggedNames = new LinkedHashMap<>();

  /**
   * @param storedRedacted per schema, the fields the stored events hold only redacted
   */
  RedactedReads(ContractSet candidate, Pipeline pipeline, Map<String, Set<String>> storedRedacted) {
    for (String policyName : pipeline.policies()) {
      candidate
          .policy(policyName)
          .ifPresent(
              policy -> flag(policy, storedRedacted.getOrDefault(policy.schema(), Set.of())));
    }
    for (String playbookName : pipeline.playbooks()) {
      candidate.playbook(playbookName).ifPresent(this::flag);
    }
  }

  private void flag(PolicyPack policy, Set<String> redacted) {
    if (redacted.isEmpty()) {
      return;
    }
    Map<String, Set<String>> bits = new LinkedHashMap<>();
    for (Predicate predicate : policy.predicates()) {
      Set<String> fields = new TreeSet<>();
      read(predicate.condition(), redacted, bits, fields);
      bits.put(predicate.name(), fields);
      add("predicate", predicate.name(), policy.schema(), fields);
    }
    for (Threshold threshold : policy.thresholds()) {
      Set<String> fields =
          redacted.contains(threshold.field()) ? Set.of(threshold.field()) : Set.of();
      for (ThresholdLevel level : threshold.levels()) {
        bits.put(Threshold.bitName(threshold.name(), level.name()), fields);
      }
      bits.put(threshold.fact(), fields);
      add("threshold", threshold.name(), policy.schema(), fields);
    }
    for (Rule rule : policy.rules()) {
      Set<String> fields = new TreeSet<>();
      for (List<String> names : List.of(rule.all(), rule.any(), rule.none())) {
        names.forEach(name -> fields.addAll(bits.getOrDefault(name, Set.of())));
      }
      bits.put(rule.name(), fields);
      add("rule", rule.name(), policy.schema(), fields);
    }
    flaggedNames.putAll(bits);
  }

  private static void read(
      Condition condition,
      Set<String> redacted,
      Map<String, Set<String>> earlier,
      Set<String> fields) {
    if (condition instanceof Condition.FieldTest test && redacted.contains(test.field())) {
      fields.add(test.field());
    } else if (condition instanceof Condition.Composite composite) {
      composite.predicates().forEach(name -> fields.addAll(earlier.getOrDefault(name, Set.of())));
    }
  }

  private void flag(Playbook playbook) {
    Set<String> fields = new TreeSet<>();
    named(playbook.when(), fields);
    add("playbook", playbook.name(), playbook.schema(), fields);
  }

  private void named(PlaybookCondition condition, Set<String> fields) {
    if (condition instanceof PlaybookCondition.RuleFired fired) {
      fields.addAll(flaggedNames.getOrDefault(fired.rule(), Set.of()));
    } else if (condition instanceof PlaybookCondition.BitSet bit) {
      fields.addAll(flaggedNames.getOrDefault(bit.bit(), Set.of()));
    } else if (condition instanceof PlaybookCondition.FactCompare fact) {
      fields.addAll(flaggedNames.getOrDefault(fact.fact(), Set.of()));
    } else if (condition instanceof PlaybookCondition.All all) {
      all.conditions().forEach(c -> named(c, fields));
    } else if (condition instanceof PlaybookCondition.Any any) {
      any.conditions().forEach(c -> named(c, fields));
    } else if (condition instanceof PlaybookCondition.Not not) {
      named(not.condition(), fields);
    }
  }

  private void add(String kind, String name, String schema, Set<String> fields) {
    if (!fields.isEmpty()) {
      flags.add(new Flag(kind, name, schema, Set.copyOf(fields), new long[1]));
    }
  }

  boolean isEmpty() {
    return flags.isEmpty();
  }

  /** Counts the event against every flag of its schema that reads a field it holds a value in. */
  void count(String schema, JsonNode event) {
    for (Flag flag : flags) {
      if (flag.schema().equals(schema) && holdsAny(event, flag.fields())) {
        flag.events()[0]++;
      }
    }
  }

  private static boolean holdsAny(JsonNode event, Set<String> fields) {
    for (String field : fields) {
      JsonNode value = event.get(field);
      if (value != null && !value.isNull()) {
        return true;
      }
    }
    return false;
  }

  List<BacktestReport.NotReplayable> report() {
    return flags.stream()
        .map(
            f ->
                new BacktestReport.NotReplayable(
                    f.kind(), f.name(), List.copyOf(new TreeSet<>(f.fields())), f.events()[0]))
        .toList();
  }
}
