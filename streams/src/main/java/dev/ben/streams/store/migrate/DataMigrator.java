package dev.ben.streams.store.migrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.Schema;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The only issuer of DDL to the analytical store. Each schema version becomes a numbered list of
 * steps (see {@link MigrationPlanner}); each step is run and recorded in {@code ben_migrations} in
 * turn, so a step recorded as applied is never run again and a migration stopped by a failure
 * resumes at its first unrecorded step. On a store that can, a replica is fed by its table's
 * inserts (docs/storage.md). One per node: migrations are serialised here; nodes sharing a
 * ClickHouse may race harmlessly (CREATE ... IF NOT EXISTS, and an ADD COLUMN finding its column
 * already there counts as applied).
 */
public final class DataMigrator {

  /** A front-end replica's name: its table's name and this. */
  public static final String REPLICA_SUFFIX = "_replica";

  private final AnalyticalStore store;
  private final MigrationLog log;
  private final Clock clock;
  private boolean opened;

  public DataMigrator(AnalyticalStore store, ObjectMapper mapper) {
    this(store, mapper, Clock.systemUTC());
  }

  public DataMigrator(AnalyticalStore store, ObjectMapper mapper, Clock clock) {
    this.store = store;
    this.log = new MigrationLog(store, mapper);
    this.clock = clock;
  }

  /** The store the migrations apply to, for the writers of the tables they build. */
  public AnalyticalStore store() {
    return store;
  }

  /**
   * Migrates every schema of the set, ordered by name then version; the tables of a pipeline with
   * {@code replica on} get a replica. A migration that does not complete does not stop the others.
   */
  public synchronized List<MigrationReport> apply(ContractSet contracts) {
    Set<String> replicated = new HashSet<>();
    for (Pipeline pipeline : contracts.pipelines()) {
      if (pipeline.store().replica()) {
        replicated.addAll(pipeline.schemas());
      }
    }
    List<MigrationReport> reports = new ArrayList<>();
    contracts.schemas().stream()
        .sorted(Comparator.comparing(Schema::name).thenComparingInt(Schema::version))
        .forEach(
            schema ->
                reports.add(
                    apply(
                        schema.name(),
                        schema.version(),
                        schema.fingerprint(),
                        schema.ddl(),
                        replicated.contains(schema.name()))));
    return reports;
  }

  /**
   * Migrates a table Ben defines itself ({@code ben_events}); its fingerprint is that of the
   * statement.
   */
  public synchronized MigrationReport applyTable(String table, String createSql) {
    return apply(table, 1, sha256(createSql), createSql, false);
  }

  /**
   * Throws, naming each, when a migration did not complete: for callers that cannot go on without
   * the tables.
   */
  public static void requireComplete(List<MigrationReport> reports) {
    List<String> incomplete =
        reports.stream().filter(r -> !r.complete()).map(MigrationReport::summary).toList();
    if (!incomplete.isEmpty()) {
      throw new StoreException("migration incomplete: " + String.join("; ", incomplete));
    }
  }

  /** The name of the view that feeds {@code table}'s replica on a store that feeds replicas. */
  public static String replicaFeed(String table) {
    return TableShape.feedName(table);
  }

  /** The statement that makes {@code table}'s inserts feed its replica, as a migration does. */
  public static String replicaFeedStatement(String table) {
    return TableShape.createFeed(table, table + REPLICA_SUFFIX);
  }

  /**
   * A table with a replica, by the record; {@code fedSince} is when the record's feed of the
   * replica was applied (the store's DateTime text), empty when the replica is not fed.
   */
  public record ReplicatedTable(String table, Optional<String> fedSince) {}

  /** Tables that have a replica, by the record: the replica keeper's work list. */
  public synchronized List<ReplicatedTable> replicatedTables() {
    open();
    List<MigrationLog.Entry> applied = log.applied();
    Map<String, TableShape> shapes = MigrationLog.shapes(applied, "", -1, "");
    Map<String, String> fed = new HashMap<>();
    for (MigrationLog.Entry entry : applied) {
      TableShape.ofFeed(entry.statement())
          .ifPresent(feed -> fed.putIfAbsent(feed.table(), entry.appliedAt()));
    }
    List<ReplicatedTable> tables = new ArrayList<>();
    for (String table : new TreeSet<>(shapes.keySet())) {
      if (shapes.containsKey(table + REPLICA_SUFFIX)) {
        tables.add(
            new ReplicatedTable(table, Optional.ofNullable(fed.get(TableShape.feedName(table)))));
      }
    }
    return tables;
  }

  private MigrationReport apply(
      String schema, long version, String fingerprint, String createSql, boolean replica) {
    open();
    List<MigrationLog.Entry> applied = log.applied();
    List<String> steps;
    try {
      steps =
          MigrationPlanner.plan(
              createSql,
              replica,
              store.feedsReplicas(),
              MigrationLog.shapes(applied, schema, version, fingerprint));
    } catch (MigrationPlanner.Refused refused) {
      return new MigrationReport(
          schema, version, MigrationReport.Status.REFUSED, 0, 0, 0, 0, refused.getMessage());
    }
    // Done by statement, not by number: a plan whose order changed (the replica's steps now come
    // first) finds the steps an older plan recorded.
    Set<String> done = new HashSet<>();
    for (MigrationLog.Entry entry : applied) {
      if (entry.schema().equals(schema)
          && entry.version() == version
          && entry.fingerprint().equals(fingerprint)
          && steps.contains(entry.statement())) {
        done.add(entry.statement());
      }
    }
    int ran = 0;
    for (int step = 1; step <= steps.size(); step++) {
      String statement = steps.get(step - 1);
      if (done.contains(statement)) {
        continue;
      }
      String outcome = StepRunner.run(store, statement);
      try {
        log.record(
            new MigrationLog.Entry(
                schema,
                version,
                fingerprint,
                step,
                statement,
                outcome,
                MigrationLog.dateTime(clock.instant())));
      } catch (RuntimeException e) {
        // The step ran but is not on record: a later call runs it again, which the statements
        // tolerate.
        outcome =
            outcome.startsWith(MigrationLog.APPLIED)
                ? "recording the step failed: " + e.getMessage()
                : outcome;
      }
      if (!outcome.startsWith(MigrationLog.APPLIED)) {
        return new MigrationReport(
            schema,
            version,
            MigrationReport.Status.FAILED,
            steps.size(),
            ran,
            done.size(),
            step,
            outcome.substring(outcome.indexOf(':') + 1).strip());
      }
      ran++;
    }
    return new MigrationReport(
        schema,
        version,
        ran == 0 ? MigrationReport.Status.ALREADY_APPLIED : MigrationReport.Status.APPLIED,
        steps.size(),
        ran,
        done.size(),
        0,
        "");
  }

  private void open() {
    if (!opened) {
      log.open();
      opened = true;
    }
  }

  private static String sha256(String text) {
    try {
      return "sha256:"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
