package dev.ben.streams.store.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Schema;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.StoreInserts;
import dev.ben.streams.store.TypedRows;
import dev.ben.streams.store.migrate.DataMigrator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores a contract-driven pipeline's events in the table of the schema that decided each one, with
 * its decisions ({@link SchemaRows}), as typed rows; one insert per table per batch. The first
 * batch of a contract version first has the migrator apply that version's schemas: a migration that
 * does not complete fails the write, so the store stage keeps the batch on disk and retries (the
 * migration resuming where it stopped). Events without an evaluation (pass-through) and events
 * whose version can no longer be resolved go to {@code ben_events}, so none is lost. Used by one
 * store stage, one batch at a time.
 */
public final class SchemaTableWriter implements BatchWriter {

  private final DataMigrator migrator;
  private final ContractSlot slot;
  private final BatchWriter fallback;
  private final SchemaRows rows;
  private final Set<Long> migrated = new HashSet<>();
  private final StoreInserts inserts;

  /** The columns of the schema last written, so a run of batches of one schema builds them once. */
  private Schema lastSchema;

  private List<String> lastColumns;

  /**
   * @param fallback the writer of {@code ben_events}, for events no schema table can take
   */
  public SchemaTableWriter(
      DataMigrator migrator, ContractSlot slot, BatchWriter fallback, ObjectMapper mapper) {
    this(migrator, slot, fallback, mapper, StoreInserts.DIRECT);
  }

  /**
   * @param inserts how each table's rows are appended (timed in a running node)
   */
  public SchemaTableWriter(
      DataMigrator migrator,
      ContractSlot slot,
      BatchWriter fallback,
      ObjectMapper mapper,
      StoreInserts inserts) {
    this.migrator = migrator;
    this.slot = slot;
    this.fallback = fallback;
    this.rows = new SchemaRows(mapper);
    this.inserts = inserts;
  }

  @Override
  public void write(List<Envelope> batch) throws Exception {
    // By schema, not table: two versions of one schema in a batch may fill different columns.
    // A batch holds one schema or a few, so they are found by a scan.
    List<Schema> schemas = new ArrayList<>(2);
    List<TypedRows> tables = new ArrayList<>(2);
    List<Envelope> unresolved = List.of();
    for (Envelope envelope : batch) {
      Schema schema = envelope.evaluation() == null ? null : schemaOf(envelope).orElse(null);
      if (schema == null) {
        if (unresolved.isEmpty()) {
          unresolved = new ArrayList<>();
        }
        unresolved.add(envelope);
        continue;
      }
      int at = indexOf(schemas, schema);
      if (at < 0) {
        at = schemas.size();
        schemas.add(schema);
        tables.add(new TypedRows(columns(schema), batch.size()));
      }
      tables.get(at).add(rows.values(envelope, schema));
    }
    if (!unresolved.isEmpty()) {
      fallback.write(unresolved);
    }
    for (int i = 0; i < schemas.size(); i++) {
      inserts.insert(migrator.store(), slot.pipeline(), schemas.get(i).table(), tables.get(i));
    }
  }

  private List<String> columns(Schema schema) {
    if (schema != lastSchema) {
      lastColumns = SchemaRows.columns(schema);
      lastSchema = schema;
    }
    return lastColumns;
  }

  private static int indexOf(List<Schema> schemas, Schema schema) {
    for (int i = 0; i < schemas.size(); i++) {
      if (schemas.get(i) == schema) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The schema that decided the event, in the contract set of its version, migrated before first
   * use.
   */
  private Optional<Schema> schemaOf(Envelope envelope) {
    long version = envelope.evaluation().contractVersion();
    String name = envelope.evaluation().result().schema();
    Optional<ContractSet> contracts =
        slot.held(version).map(active -> active.runtime().contracts());
    long resolved = version;
    if (contracts.flatMap(set -> set.schema(name)).isEmpty()) {
      // After a restart the slot holds only what was loaded since: a spilled batch of an older
      // version is stored
      // with the running version's schema of the same name.
      Optional<ActiveContract> current = slot.current();
      contracts = current.map(active -> active.runtime().contracts());
      resolved = current.map(ActiveContract::version).orElse(0L);
    }
    Optional<Schema> schema = contracts.flatMap(set -> set.schema(name));
    if (schema.isPresent() && !migrated.contains(resolved)) {
      DataMigrator.requireComplete(migrator.apply(contracts.get()));
      migrated.add(resolved);
    }
    return schema;
  }
}
