package dev.ben.streams.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.ConnectorSettings;
import dev.ben.streams.blob.BlobStore;
import dev.ben.streams.blob.LocalBlobStore;
import dev.ben.streams.blob.S3BlobStore;
import dev.ben.streams.nats.NatsClient;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.EmbeddedStore;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors of one node. External servers replace their embedded defaults only when configured
 * ({@code BEN_CLICKHOUSE_URL}, {@code BEN_S3_ENDPOINT}, {@code BEN_NATS_URL}); without NATS there
 * is no client and the in-JVM notification plane is used. Anything that fails to open closes what
 * was already opened.
 */
public final class Connectors implements AutoCloseable {

  private final AnalyticalStore store;
  private final BlobStore blobs;
  private final RocksIndex index;
  private final Optional<NatsClient> nats;
  private final Deque<AutoCloseable> opened;

  private Connectors(
      AnalyticalStore store,
      BlobStore blobs,
      RocksIndex index,
      Optional<NatsClient> nats,
      Deque<AutoCloseable> opened) {
    this.store = store;
    this.blobs = blobs;
    this.index = index;
    this.nats = nats;
    this.opened = opened;
  }

  public static Connectors open(ConnectorSettings settings, Path dataDir, ObjectMapper mapper) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      AnalyticalStore store =
          remember(
              opened,
              settings
                  .clickHouse()
                  .<AnalyticalStore>map(ch -> ClickHouseStore.open(ch, mapper))
                  .orElseGet(
                      () ->
                          EmbeddedStore.open(
                              dataDir.resolve("embedded.duckdb"), mapper, settings.embedded())));
      BlobStore blobs =
          remember(
              opened,
              settings
                  .s3()
                  .<BlobStore>map(S3BlobStore::open)
                  .orElseGet(() -> new LocalBlobStore(dataDir.resolve("blobs"))));
      RocksIndex index = remember(opened, RocksIndex.open(dataDir.resolve("index")));
      Optional<NatsClient> nats = settings.nats().map(n -> remember(opened, NatsClient.connect(n)));
      return new Connectors(store, blobs, index, nats, opened);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  public AnalyticalStore store() {
    return store;
  }

  public BlobStore blobs() {
    return blobs;
  }

  public RocksIndex index() {
    return index;
  }

  public Optional<NatsClient> nats() {
    return nats;
  }

  /** Each connector and where it points, for logs and /health. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("store", store.describe());
    out.put("blobs", blobs.describe());
    out.put("nats", nats.map(n -> "nats " + n.server()).orElse("in-JVM (no BEN_NATS_URL)"));
    return out;
  }

  @Override
  public void close() {
    closeAll(opened);
  }

  private static <T extends AutoCloseable> T remember(Deque<AutoCloseable> opened, T resource) {
    opened.push(resource);
    return resource;
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    RuntimeException first = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing a connector failed: " + e.getMessage(), e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
