package dev.ben.streams.rocks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * An ordered byte-key index in one RocksDB directory. Keys sort bytewise, so string keys with a
 * common prefix ({@code bundle/auth/00000003}) iterate together and in order. Closing releases the
 * native handles; it waits for calls in progress, and a call after it fails with {@link
 * IllegalStateException} instead of touching freed native memory (a stream still draining while its
 * node shuts down would otherwise crash the JVM).
 */
public final class RocksIndex implements AutoCloseable {

  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final WriteOptions writes;
  private final WriteOptions synced = new WriteOptions().setSync(true);
  private final WriteOptions unsynced = new WriteOptions().setSync(false);
  private final RocksDB db;
  private final Path dir;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksIndex(Options options, WriteOptions writes, RocksDB db, Path dir) {
    this.options = options;
    this.writes = writes;
    this.db = db;
    this.dir = dir;
  }

  public static RocksIndex open(Path dir) {
    return open(dir, false);
  }

  /**
   * Opens the index; with {@code syncWrites} every write is flushed to disk before it returns,
   * which state that is the only copy of intent (the ledger) needs to survive a machine crash, not
   * just a process crash.
   */
  public static RocksIndex open(Path dir, boolean syncWrites) {
    return open(dir, syncWrites, 0);
  }

  /**
   * Opens an index whose writes are mostly synced appends soon deleted again (the ingest log).
   * RocksDB then reuses up to {@link #RECYCLED_LOG_FILES} of its own obsolete log files instead of
   * appending to new ones: a sync into blocks a file already has flushes only the data, where a
   * sync that grows a file also waits for the file system's journal to commit the new size and
   * extents (on ext4, with every other process's pending metadata).
   */
  public static RocksIndex openForSyncedAppends(Path dir) {
    return open(dir, false, RECYCLED_LOG_FILES);
  }

  /** Obsolete log files kept for reuse by {@link #openForSyncedAppends}. */
  static final int RECYCLED_LOG_FILES = 4;

  private static RocksIndex open(Path dir, boolean syncWrites, int recycledLogFiles) {
    Options options = new Options().setCreateIfMissing(true).setRecycleLogFileNum(recycledLogFiles);
    WriteOptions writes = new WriteOptions().setSync(syncWrites);
    try {
      Files.createDirectories(dir);
      return new RocksIndex(options, writes, RocksDB.open(options, dir.toString()), dir);
    } catch (Exception e) {
      writes.close();
      options.close();
      throw new IllegalStateException(
          "cannot open the RocksDB index at "
              + dir
              + ": "
              + e.getMessage()
              + " (is another Ben node using the same BEN_HOME?)",
          e);
    }
  }

  /** A native call, made only while the index is open. */
  private interface NativeCall<T> {
    T run() throws RocksDBException;
  }

  private <T> T whileOpen(String doing, NativeCall<T> call) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException(
            doing + " the RocksDB index at " + dir + " failed: it is closed");
      }
      return call.run();
    } catch (RocksDBException e) {
      throw failure(doing, e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  public void put(byte[] key, byte[] value) {
    whileOpen(
        "writing",
        () -> {
          db.put(writes, key, value);
          return null;
        });
  }

  public Optional<byte[]> get(byte[] key) {
    return whileOpen("reading", () -> Optional.ofNullable(db.get(key)));
  }

  public void delete(byte[] key) {
    whileOpen(
        "deleting",
        () -> {
          db.delete(writes, key);
          return null;
        });
  }

  /** The keys from {@code from} (included) up to {@code to} (excluded). */
  public record KeyRange(byte[] from, byte[] to) {}

  /**
   * Puts and deletes applied together (all or none) in one write; with {@code sync} it is on disk
   * before this returns, whatever the index was opened with.
   */
  public void write(List<Map.Entry<byte[], byte[]>> puts, List<byte[]> deletes, boolean sync) {
    write(puts, deletes, List.of(), sync);
  }

  /**
   * Puts, deletes and deletes of whole key ranges applied together (all or none) in one write: a
   * range is one tombstone however many keys it covers.
   */
  public void write(
      List<Map.Entry<byte[], byte[]>> puts,
      List<byte[]> deletes,
      List<KeyRange> deletedRanges,
      boolean sync) {
    whileOpen(
        "writing a batch to",
        () -> {
          try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<byte[], byte[]> put : puts) {
              batch.put(put.getKey(), put.getValue());
            }
            for (byte[] key : deletes) {
              batch.delete(key);
            }
            for (KeyRange range : deletedRanges) {
              batch.deleteRange(range.from(), range.to());
            }
            db.write(sync ? synced : unsynced, batch);
          }
          return null;
        });
  }

  /** Entries whose key starts with the prefix, in key order, at most {@code limit}. */
  public List<Map.Entry<byte[], byte[]>> scan(byte[] prefix, int limit) {
    return scan(prefix, prefix, limit);
  }

  /**
   * Entries whose key starts with the prefix, from the first key at or after {@code from}, in key
   * order, at most {@code limit}: a page of a long scan.
   */
  public List<Map.Entry<byte[], byte[]>> scan(byte[] prefix, byte[] from, int limit) {
    return whileOpen(
        "scanning",
        () -> {
          List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
          try (RocksIterator it = db.newIterator()) {
            for (it.seek(from);
                it.isValid() && out.size() < limit && startsWith(it.key(), prefix);
                it.next()) {
              out.add(new SimpleImmutableEntry<>(it.key(), it.value()));
            }
          }
          return out;
        });
  }

  public void put(String key, String value) {
    put(utf8(key), utf8(value));
  }

  public Optional<String> get(String key) {
    return get(utf8(key)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  public void delete(String key) {
    delete(utf8(key));
  }

  /** String entries under a prefix, in key order. */
  public List<Map.Entry<String, String>> scan(String prefix, int limit) {
    return scan(utf8(prefix), limit).stream()
        .map(
            e ->
                (Map.Entry<String, String>)
                    new SimpleImmutableEntry<>(
                        new String(e.getKey(), StandardCharsets.UTF_8),
                        new String(e.getValue(), StandardCharsets.UTF_8)))
        .toList();
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      db.close();
      writes.close();
      synced.close();
      unsynced.close();
      options.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private IllegalStateException failure(String what, RocksDBException e) {
    return new IllegalStateException(
        what + " the RocksDB index at " + dir + " failed: " + e.getMessage(), e);
  }
}
