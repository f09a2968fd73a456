package dev.ben.bench.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import java.util.List;

/**
 * One event through Ben's engines as a node takes it, on one thread: the JSON line translated into
 * the typed event, evaluated (spine, then detectors and playbooks against bounds held here) at the
 * node's clock, the redacted event as the body the spine hands on, and the row the store stage
 * writes. Not thread-safe.
 */
public final class EngineLoop {

  private static final long VERSION = 1;

  private final ContractRuntime runtime;
  private final ObjectMapper mapper = new ObjectMapper();
  private final RowSink sink = new RowSink();
  private final SchemaTableWriter writer;

  public EngineLoop(ContractSet contracts, byte[] deploymentKey) {
    this.runtime = ContractRuntime.build(contracts, AuthExample.PIPELINE, deploymentKey);
    ContractSlot slot = new ContractSlot(AuthExample.PIPELINE);
    slot.swap(new ActiveContract(VERSION, runtime));
    DataMigrator migrator = new DataMigrator(sink, mapper);
    this.writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, mapper), mapper);
  }

  /** Processes one NDJSON line at {@code nowMillis}; returns what was decided, for checks. */
  public EvaluationResult process(byte[] line, long nowMillis) throws Exception {
    EvaluationResult result = decide(line, nowMillis);
    ObjectNode body = mapper.valueToTree(result.redacted());
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

  /**
   * The engines' part alone (contracts/): the line translated and evaluated at {@code nowMillis},
   * without the spine stage's body or the store's row.
   */
  public EvaluationResult decide(byte[] line, long nowMillis) {
    Translation translation = runtime.translate(AuthExample.SCHEMA, line);
    if (!(translation instanceof Translation.Accepted accepted)) {
      throw new IllegalArgumentException("refused: " + translation);
    }
    return runtime.evaluate(accepted.event(), nowMillis);
  }

  /** Rows written so far. */
  public long rows() {
    return sink.rows();
  }

  /** Characters of the rows written so far. */
  public long rowChars() {
    return sink.chars();
  }
}
