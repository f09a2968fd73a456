package dev.ben.contracts.engine;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventTranslator;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.DetectorSpec;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.Signal;
import dev.ben.contracts.model.ValueList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The facade over every engine for one pipeline of a compiled contract set: translate JSON, then
 * {@link #evaluate} (bitspec, rules, blot, detectors, playbooks) at a caller-given event time. Used
 * by the runtime, {@code benctl test} and bux's test bench alike. Building refuses, with the
 * offending name, any reference the set cannot resolve. Not thread-safe: detector and playbook
 * state belong to one owner; build one per stage or shard. A {@code drop_with_reason} action is a
 * refusal: the event goes to no detector or playbook.
 */
public final class ContractRuntime {

  private final ContractSet contracts;
  private final Pipeline pipeline;
  private final Map<String, SchemaRuntime> bySchema = new LinkedHashMap<>();
  private final Map<String, EventTranslator> translators = new LinkedHashMap<>();

  private ContractRuntime(ContractSet contracts, Pipeline pipeline, byte[] deploymentKey) {
    this.contracts = contracts;
    this.pipeline = pipeline;
    String where = "pipeline '" + pipeline.name() + "'";
    Map<String, ValueList> lists =
        contracts.lists().stream()
            .collect(Collectors.toMap(ValueList::name, Function.identity(), (a, b) -> a));
    Map<String, Signal> signals =
        contracts.signals().stream()
            .collect(Collectors.toMap(Signal::name, Function.identity(), (a, b) -> a));
    List<PolicyPack> policies =
        pipeline.policies().stream()
            .map(name -> contracts.policy(name).orElseThrow(() -> unknown(where, "policy", name)))
            .toList();
    List<DetectorSpec> detectors =
        pipeline.detectors().stream()
            .map(
                name ->
                    contracts.detector(name).orElseThrow(() -> unknown(where, "detector", name)))
            .toList();
    List<Playbook> playbooks =
        pipeline.playbooks().stream()
            .map(
                name ->
                    contracts.playbook(name).orElseThrow(() -> unknown(where, "playbook", name)))
            .toList();
    for (String schemaName : pipeline.schemas()) {
      Schema schema =
          contracts.schema(schemaName).orElseThrow(() -> unknown(where, "schema", schemaName));
      bySchema.put(
          schemaName,
          new SchemaRuntime(
              contracts.version(),
              schema,
              policies.stream().filter(p -> p.schema().equals(schemaName)).toList(),
              lists,
              deploymentKey,
              detectors.stream().filter(d -> d.schema().equals(schemaName)).toList(),
              playbooks.stream().filter(p -> p.schema().equals(schemaName)).toList(),
              signals));
      translators.put(schemaName, new EventTranslator(schema));
    }
  }

  private static IllegalArgumentException unknown(String where, String kind, String name) {
    return new IllegalArgumentException(where + " names unknown " + kind + " '" + name + "'");
  }

  /**
   * @param deploymentKey key for {@code hash(keyed)} redactions; may be null when none is used
   */
  public static ContractRuntime build(
      ContractSet contracts, String pipelineName, byte[] deploymentKey) {
    Pipeline pipeline =
        contracts
            .pipeline(pipelineName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no pipeline '"
                            + pipelineName
                            + "' in this contract set; it has "
                            + contracts.pipelines().stream().map(Pipeline::name).toList()));
    return new ContractRuntime(contracts, pipeline, deploymentKey);
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public ContractSet contracts() {
    return contracts;
  }

  /** Translates application JSON for one of the pipeline's schemas. */
  public Translation translate(String schema, byte[] json) {
    EventTranslator translator = translators.get(schema);
    return translator == null ? noSuchSchema(schema) : translator.translate(json);
  }

  /**
   * Translates an already parsed JSON document (what the sidecar hands on), without writing it out
   * again.
   */
  public Translation translate(String schema, com.fasterxml.jackson.databind.JsonNode document) {
    EventTranslator translator = translators.get(schema);
    return translator == null ? noSuchSchema(schema) : translator.translate(document);
  }

  private Translation noSuchSchema(String schema) {
    return new Translation.Refused(
        schema,
        "",
        "pipeline '"
            + pipeline.name()
            + "' has no schema '"
            + schema
            + "'; it accepts "
            + pipeline.schemas());
  }

  /** Evaluates the event and redacts it in place; copy it first to keep the original. */
  public EvaluationResult evaluate(Event event, long nowMillis) {
    SchemaRuntime runtime = bySchema.get(event.schema().name());
    if (runtime == null) {
      throw new IllegalArgumentException(
          "pipeline '"
              + pipeline.name()
              + "' does not handle schema '"
              + event.schema().name()
              + "'; it handles "
              + pipeline.schemas());
    }
    return runtime.evaluate(event, nowMillis);
  }

  /**
   * The spine's part alone (bitspec, rules, blot; the event is redacted in place): the result has
   * no detector values or playbook outcomes yet, since those come from the detector shards the
   * event goes to next. It carries the typed event and the decisions for a shard in this process
   * ({@link EvaluationResult#decided()}); the event must not be changed afterwards.
   */
  public EvaluationResult decide(Event event) {
    return schemaRuntime(event.schema().name()).decide(event, true);
  }

  /**
   * The allocation-light spine part for one schema (bitspec, rules, blot), sharing this runtime's
   * state.
   */
  public SpineEvaluator spine(String schema) {
    return schemaRuntime(schema).spine();
  }

  /**
   * A fresh detector runtime for one schema with its own state, fed with recorded decisions (one
   * per detector shard). Each detector's key bound is divided by {@code keyShare}, the number of
   * shards sharing it.
   */
  public DetectorRuntime newDetectors(String schema, int keyShare) {
    SchemaRuntime runtime = schemaRuntime(schema);
    return runtime.newDetectors(runtime.newSpine(), keyShare);
  }

  /**
   * Decisions recorded by this version's spine for one schema, readable by its detector runtimes.
   */
  public RecordedDecisions recordedDecisions(String schema) {
    return new RecordedDecisions(schemaRuntime(schema).newSpine());
  }

  /**
   * The fields events of a schema are sharded by: those every detector on it is keyed by, so each
   * detector's keys live whole in one shard. Empty when the detectors share no key field (then one
   * shard holds them all).
   */
  public List<String> shardKey(String schema) {
    return schemaRuntime(schema).shardKey();
  }

  /**
   * True when the pipeline has detectors or playbooks on the schema, so its events need a detector
   * shard.
   */
  public boolean detects(String schema) {
    return schemaRuntime(schema).detectors().hasWork();
  }

  /** The engines of one schema, or null when the pipeline has no such schema. */
  SchemaRuntime schemaRuntimeIfAny(String schema) {
    return bySchema.get(schema);
  }

  private SchemaRuntime schemaRuntime(String schema) {
    SchemaRuntime runtime = bySchema.get(schema);
    if (runtime == null) {
      throw new IllegalArgumentException(
          "pipeline '" + pipeline.name() + "' has no schema '" + schema + "'");
    }
    return runtime;
  }

  /**
   * Detector keys evicted so far by the detectors evaluated here, per detector, for loss
   * accounting.
   */
  public Map<String, Long> detectorEvictions() {
    var evictions = new LinkedHashMap<String, Long>();
    for (SchemaRuntime runtime : bySchema.values()) {
      evictions.putAll(runtime.detectors().evictions());
    }
    return evictions;
  }
}
