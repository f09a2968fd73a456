package dev.ben.streams.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.bundle.Fingerprint;
import dev.ben.streams.blob.BlobStore;
import dev.ben.streams.rocks.RocksIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Store access: keeps each deployed version's bundle in the blob store (S3 or a local folder) under
 * a versioned key, indexes the keys in RocksDB, and serves the bytes back only to whoever asks with
 * a key (pull-only). A version's bundle is written once: storing different bytes under an existing
 * version is refused, because components that already pulled it would disagree with later ones.
 */
public final class StoreAccess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX_PREFIX = "artifact/";

  private final BlobStore blobs;
  private final RocksIndex index;

  public StoreAccess(BlobStore blobs, RocksIndex index) {
    this.blobs = blobs;
    this.index = index;
  }

  /** Stores a version's bundle (idempotently) and returns its key. */
  public ArtifactKey put(String pipeline, long version, byte[] bundle) {
    String digest = Fingerprint.of(bundle).value();
    Optional<ArtifactKey> existing = find(pipeline, version);
    if (existing.isPresent()) {
      if (existing.get().sha256().equals(digest)) {
        return existing.get();
      }
      throw new StoreAccessException(
          pipeline
              + " v"
              + version
              + " is already stored with digest "
              + existing.get().sha256()
              + "; a version's bundle never changes (stage a new version instead)");
    }
    var key =
        new ArtifactKey(
            pipeline,
            version,
            "bundles/"
                + pipeline
                + "/"
                + padded(version)
                + "/"
                + digest.substring("sha256:".length())
                + ".bundle",
            digest);
    blobs.put(key.blobKey(), bundle);
    index.put(indexKey(pipeline, version), encode(key));
    return key;
  }

  public Optional<ArtifactKey> find(String pipeline, long version) {
    return index.get(indexKey(pipeline, version)).map(StoreAccess::decode);
  }

  /** Every stored version of a pipeline, oldest first. */
  public List<ArtifactKey> versions(String pipeline) {
    return index
        .scan((INDEX_PREFIX + pipeline + "/").getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE)
        .stream()
        .map(entry -> decode(entry.getValue()))
        .toList();
  }

  /**
   * The bytes behind a key, checked against its digest so a corrupted or swapped blob is never
   * loaded.
   */
  public byte[] read(ArtifactKey key) {
    byte[] bytes =
        blobs
            .get(key.blobKey())
            .orElseThrow(
                () ->
                    new StoreAccessException(
                        "the blob "
                            + key.blobKey()
                            + " of "
                            + key.pipeline()
                            + " v"
                            + key.version()
                            + " is missing from "
                            + blobs.describe()));
    String digest = Fingerprint.of(bytes).value();
    if (!digest.equals(key.sha256())) {
      throw new StoreAccessException(
          "the blob "
              + key.blobKey()
              + " hashes to "
              + digest
              + " but "
              + key.pipeline()
              + " v"
              + key.version()
              + " was stored as "
              + key.sha256()
              + "; refusing to load it");
    }
    return bytes;
  }

  /** Forgets every version of a pipeline (on delete): index entries and blobs. */
  public void deleteAll(String pipeline) {
    for (ArtifactKey key : versions(pipeline)) {
      blobs.delete(key.blobKey());
      index.delete(indexKey(pipeline, key.version()));
    }
  }

  public String describe() {
    return blobs.describe();
  }

  @Override
  public void close() {
    index.close();
    blobs.close();
  }

  private static byte[] indexKey(String pipeline, long version) {
    return (INDEX_PREFIX + pipeline + "/" + padded(version)).getBytes(StandardCharsets.UTF_8);
  }

  // Zero-padded so versions iterate in numeric order in the bytewise-sorted index.
  private static String padded(long version) {
    return String.format("%019d", version);
  }

  private static byte[] encode(ArtifactKey key) {
    try {
      return JSON.writeValueAsBytes(key);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + key, e);
    }
  }

  private static ArtifactKey decode(byte[] bytes) {
    try {
      return JSON.readValue(bytes, ArtifactKey.class);
    } catch (IOException e) {
      throw new StoreAccessException("a store-access index entry is unreadable: " + e.getMessage());
    }
  }
}
