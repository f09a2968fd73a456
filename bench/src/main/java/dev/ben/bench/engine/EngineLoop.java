package dev.ben.bench.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.engine.playbook.LocalBoundAdmission;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.detector.DetectInput;
import dev.ben.streams.detector.ShardDetectors;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.spine.SpineStage;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import java.util.List;

/**
 * One event through Ben's engines as a node takes it, on one thread: the JSON line translated into
 * the typed event and decided by the spine, the redacted event built into the body the spine hands
 * on, the typed event and the decisions handed to a detector shard as a shard in the same process
 * gets them (detectors, then playbooks against bounds held here) at the node's clock, and the row
 * the store stage writes. Not thread-safe.
 */
public final class EngineLoop {

  private static final long VERSION = 1;

  private final ContractRuntime runtime;
  private final ObjectMapper mapper = new ObjectMapper();
  private final RowSink sink = new RowSink();
  private final SchemaTableWriter writer;
  private final ShardDetectors shard;
  private final LocalBoundAdmission bounds = new LocalBoundAdmission();

  public EngineLoop(ContractSet contracts, byte[] deploymentKey) {
    this.runtime = ContractRuntime.build(contracts, AuthExample.PIPELINE, deploymentKey);
    this.shard = new ShardDetectors(VERSION, runtime, AuthExample.SCHEMA, 1);
    ContractSlot slot = new ContractSlot(AuthExample.PIPELINE);
    slot.swap(new ActiveContract(VERSION, runtime));
    DataMigrator migrator = new DataMigrator(sink, mapper);
    this.writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, mapper), mapper);
  }

  /** Processes one NDJSON line at {@code nowMillis}; returns what was decided, for checks. */
  public EvaluationResult process(byte[] line, long nowMillis) throws Exception {
    EvaluationResult decided = runtime.decide(translated(line));
    ObjectNode body = SpineStage.body(decided, mapper);
    EvaluationResult result =
        decided.winner() instanceof Action.DropWithReason
            ? decided
            : detected(decided, body, nowMillis);
    writer.write(
        List.of(
            new Envelope(
                "bench",
                AuthExample.PIPELINE,
                "bench",
                nowMillis,
                body,
                new Envelope.Evaluation(VERSION, result),
                null)));
    return result;
  }

  private EvaluationResult detected(EvaluationResult decided, ObjectNode body, long nowMillis) {
    DetectInput input =
        new DetectInput(
            body, decided.bits(), decided.rules(), decided.facts(), nowMillis, decided.decided());
    Detection detection =
        shard.run(List.of(input)).admit(bounds).toCompletableFuture().join().get(0);
    return decided.withDetection(detection);
  }

  /**
   * The engines' part alone (contracts/): the line translated and evaluated at {@code nowMillis},
   * without the spine stage's body or the store's row.
   */
  public EvaluationResult decide(byte[] line, long nowMillis) {
    return runtime.evaluate(translated(line), nowMillis);
  }

  private Event translated(byte[] line) {
    Translation translation = runtime.translate(AuthExample.SCHEMA, line);
    if (!(translation instanceof Translation.Accepted accepted)) {
      throw new IllegalArgumentException("refused: " + translation);
    }
    return accepted.event();
  }

  /** Rows written so far. */
  public long rows() {
    return sink.rows();
  }

  /** UTF-8 bytes of the rows written so far. */
  public long rowBytes() {
    return sink.bytes();
  }
}
