package dev.ben.bench.dataplane;

import dev.ben.streams.store.migrate.DataMigrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reference the sink is measured against: {@code clickhouse-client} over the native protocol
 * inserting the very rows the sink stored in its timed run (not its warm-up), read back into a file
 * first, into an empty copy of the table. When the table's inserts feed its front-end replica (a
 * materialized view, docs/storage.md), the copy gets a replica and a feed of its own, so the server
 * does for the client's rows what it does for the sink's. The timing is the client process from
 * start to exit, as a user would run it; the file is in the page cache by then.
 */
final class ClickHouseClientRun {

  private static final String REPLICA = DataMigrator.REPLICA_SUFFIX;

  private final int tcpPort;
  private final String database;
  private final String user;
  private final String password;
  private final Path work;

  /**
   * @param password passed on the command line (clickhouse-client has no other way): empty for the
   *     test servers
   */
  ClickHouseClientRun(int tcpPort, String database, String user, String password, Path work) {
    this.tcpPort = tcpPort;
    this.database = database;
    this.user = user;
    this.password = password;
    this.work = work;
  }

  /**
   * Inserts the sink's timed rows of {@code table} into a copy in {@code format} and times it,
   * after {@code beforeTimed}.
   */
  SinkRun.Result insert(String table, String format, SinkRun.Step beforeTimed) throws Exception {
    Path file = work.resolve(table + "." + format.toLowerCase(Locale.ROOT));
    if (!Files.exists(file)) {
      client(
          "SELECT * FROM "
              + table
              + " WHERE event_id LIKE '"
              + SinkRun.TIMED_PREFIX
              + "%' FORMAT "
              + format,
          null,
          file);
    }
    String copy = table + "_client_" + format.toLowerCase(Locale.ROOT);
    drop(copy);
    client("CREATE TABLE " + copy + " AS " + table, null, null);
    if (client("EXISTS TABLE " + DataMigrator.replicaFeed(table), null, null).strip().equals("1")) {
      client("CREATE TABLE " + copy + REPLICA + " AS " + table + REPLICA, null, null);
      client(DataMigrator.replicaFeedStatement(copy), null, null);
    }
    beforeTimed.run();
    long started = System.nanoTime();
    client("INSERT INTO " + copy + " FORMAT " + format, file, null);
    double seconds = (System.nanoTime() - started) / 1e9;
    long rows = Long.parseLong(client("SELECT count() FROM " + copy, null, null).strip());
    drop(copy);
    return new SinkRun.Result("clickhouse-client " + format, rows, 0, seconds);
  }

  /** Drops a copy with its feed and replica, the feed first (it names both tables). */
  private void drop(String copy) throws IOException, InterruptedException {
    for (String table : List.of(DataMigrator.replicaFeed(copy), copy + REPLICA, copy)) {
      client("DROP TABLE IF EXISTS " + table, null, null);
    }
  }

  /** Runs one query; its output goes to {@code out} when given, else it is returned. */
  private String client(String query, Path in, Path out) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("clickhouse-client", "--port", "" + tcpPort));
    command.addAll(List.of("--database", database, "--user", user));
    if (!password.isEmpty()) {
      command.addAll(List.of("--password", password));
    }
    command.addAll(List.of("--query", query));
    ProcessBuilder builder = new ProcessBuilder(command);
    Path captured = out != null ? out : Files.createTempFile(work, "client", ".out");
    builder.redirectOutput(captured.toFile());
    Path errors = Files.createTempFile(work, "client", ".err");
    builder.redirectError(errors.toFile());
    if (in != null) {
      builder.redirectInput(in.toFile());
    }
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IOException(
          "clickhouse-client `" + query + "` exited " + exit + ": " + Files.readString(errors));
    }
    Files.delete(errors);
    if (out != null) {
      return "";
    }
    String text = Files.readString(captured);
    Files.delete(captured);
    return text;
  }
}
