package dev.ben.contracts.engine;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.Signal;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engines of one pipeline for one schema: what they are built from, and one spine wired to its
 * own detectors for evaluating an event all in one place (benctl test, the test bench). The
 * runtime's data plane builds further detector runtimes, one per shard, from the same parts.
 */
final class SchemaRuntime {

  private final String contractVersion;
  private final Schema schema;
  private final List<PolicyPack> policies;
  private final Map<String, ValueList> lists;
  private final byte[] deploymentKey;
  private final List<DetectorSpec> detectorSpecs;
  private final List<Playbook> playbookSpecs;
  private final Map<String, Signal> signals;
  private final SpineEvaluator spine;
  private final DetectorRuntime detectors;
  private final List<String> shardKey;
  private final RoundTrip roundTrip;

  SchemaRuntime(
      String contractVersion,
      Schema schema,
      List<PolicyPack> policies,
      Map<String, ValueList> lists,
      byte[] deploymentKey,
      List<DetectorSpec> detectorSpecs,
      List<Playbook> playbookSpecs,
      Map<String, Signal> signals) {
    this.contractVersion = contractVersion;
    this.schema = schema;
    this.policies = policies;
    this.lists = lists;
    this.deploymentKey = deploymentKey;
    this.detectorSpecs = detectorSpecs;
    this.playbookSpecs = playbookSpecs;
    this.signals = signals;
    this.shardKey = commonKey(detectorSpecs);
    this.roundTrip = new RoundTrip(schema, policies);
    this.spine = newSpine();
    this.detectors = newDetectors(spine, 1);
  }

  SpineEvaluator spine() {
    return spine;
  }

  SpineEvaluator newSpine() {
    return new SpineEvaluator(schema, policies, lists, deploymentKey);
  }

  DetectorRuntime newDetectors(SpineEvaluator refs, int keyShare) {
    return new DetectorRuntime(
        contractVersion,
        refs,
        detectorSpecs,
        playbookSpecs,
        signals,
        keyShare,
        spec -> StateFingerprint.of(spec, schema, policies, shardKey, keyShare));
  }

  /**
   * The key fields every detector on this schema is keyed by (in the first one's order); empty when
   * none.
   */
  List<String> shardKey() {
    return shardKey;
  }

  private static List<String> commonKey(List<DetectorSpec> detectorSpecs) {
    if (detectorSpecs.isEmpty()) {
      return List.of();
    }
    List<String> common = new ArrayList<>(detectorSpecs.get(0).keyFields());
    for (DetectorSpec spec : detectorSpecs) {
      common.retainAll(spec.keyFields());
    }
    return List.copyOf(common);
  }

  EvaluationResult evaluate(Event event, long nowMillis) {
    EvaluationResult decided = decide(event, false);
    return decided.winner() instanceof Action.DropWithReason
        ? decided
        : decided.withDetection(detectors.detect(event, spine, nowMillis));
  }

  /**
   * @param handOff whether the result carries the typed event and the decisions for a detector in
   *     the same process (the data plane's spine), or not (everything is decided here)
   */
  EvaluationResult decide(Event event, boolean handOff) {
    spine.evaluate(event);
    Action action = spine.action();
    List<String> bits = spine.setBits();
    List<String> rules = spine.firedRules();
    DecidedEvent decided =
        handOff
            ? new DecidedEvent(
                this, event, spine.resultCopies(), bits, rules, roundTrip.holds(event))
            : null;
    return new EvaluationResult(
        schema.name(),
        bits,
        rules,
        action == null ? "pass" : action.label(),
        spine.facts(),
        handOff ? new RedactedView(event) : event.toPlainMap(),
        Map.of(),
        List.of(),
        null,
        action,
        decided);
  }

  DetectorRuntime detectors() {
    return detectors;
  }
}
