package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The store sink alone: evaluated examples/auth events written through the writer the store stage
 * uses (schema table, decision columns, idempotent on event id) in batches of the stage's size, one
 * batch at a time, after an untimed warm-up of as many rows as are timed. The timed rows' event ids
 * start with {@link #TIMED_PREFIX}, so a reference can insert exactly those.
 */
public final class SinkRun {

  /** The start of every timed row's event id (the warm-up's start with {@code w}). */
  static final String TIMED_PREFIX = "r";

  /**
   * Work on the store around the timed rows: before them, untimed (e.g. to let a server come to
   * rest), or after them, timed (the store's deferred work for them, e.g. a checkpoint).
   */
  @FunctionalInterface
  interface Step {
    Step NOTHING = () -> {};

    void run() throws Exception;
  }

  /** Rows written per second. */
  public record Result(String store, long rows, int batchSize, double seconds) {
    public double rowsPerSecond() {
      return rows / seconds;
    }
  }

  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * @param beforeTimed run after the warm-up, untimed
   * @param afterTimed run after the timed rows, inside the time
   */
  Result run(
      AnalyticalStore store,
      ContractSet contracts,
      long rows,
      int batchSize,
      Step beforeTimed,
      Step afterTimed)
      throws Exception {
    ContractRuntime runtime = ContractRuntime.build(contracts, "auth", new byte[32]);
    ContractSlot slot = new ContractSlot("auth");
    slot.swap(new ActiveContract(1, runtime));
    DataMigrator migrator = new DataMigrator(store, mapper);
    SchemaTableWriter writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, mapper), mapper);
    List<Envelope> templates = evaluated(runtime, 2_000);
    writer.write(templates.subList(0, 1));
    // Untimed first, as many rows as are timed, so the figure is the steady state: after 50,000 the
    // writer's thread still spent about twice the CPU a row it spends warm, its JVM nearly three.
    long warmUp = rows;
    write(writer, templates, "w", warmUp, batchSize);
    beforeTimed.run();
    long started = System.nanoTime();
    long written = write(writer, templates, TIMED_PREFIX, rows, batchSize);
    afterTimed.run();
    return new Result(store.describe(), written, batchSize, (System.nanoTime() - started) / 1e9);
  }

  private static long write(
      BatchWriter writer, List<Envelope> templates, String prefix, long rows, int batchSize)
      throws Exception {
    long written = 0;
    while (written < rows) {
      List<Envelope> batch = new ArrayList<>(batchSize);
      for (int i = 0; i < batchSize && written + i < rows; i++) {
        Envelope t = templates.get((int) ((written + i) % templates.size()));
        batch.add(
            new Envelope(
                prefix + (written + i),
                t.pipeline(),
                t.app(),
                System.currentTimeMillis(),
                t.body(),
                t.evaluation(),
                null));
      }
      writer.write(batch);
      written += batch.size();
    }
    return written;
  }

  private List<Envelope> evaluated(ContractRuntime runtime, int count) throws Exception {
    AuthTraffic traffic = new AuthTraffic(3, 5_000);
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      var event = ((Translation.Accepted) runtime.translate("login", traffic.next())).event();
      EvaluationResult result = runtime.decide(event);
      ObjectNode body = mapper.valueToTree(result.redacted());
      events.add(
          new Envelope(
              "t" + i, "auth", "bench", 0, body, new Envelope.Evaluation(1, result), null));
    }
    return events;
  }
}
