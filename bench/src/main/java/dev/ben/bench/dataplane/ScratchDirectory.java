package dev.ben.bench.dataplane;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory a bench part writes into (a RocksDB index, DuckDB's file, the rows handed
 * to {@code clickhouse-client}), deleted with everything in it when closed, so a run leaves nothing
 * behind: each full run used to keep about 330 MB in the temporary directory.
 */
final class ScratchDirectory implements AutoCloseable {

  private final Path path;

  private ScratchDirectory(Path path) {
    this.path = path;
  }

  /** A new directory in the system's temporary directory, its name starting with {@code prefix}. */
  static ScratchDirectory create(String prefix) throws IOException {
    return new ScratchDirectory(Files.createTempDirectory(prefix));
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    // The directory is the bench's own, made by createTempDirectory (owner-only): no other
    // process swaps its entries for links while it is deleted, which the secure mode guards.
    MoreFiles.deleteRecursively(path, RecursiveDeleteOption.ALLOW_INSECURE);
  }
}
