package dev.ben.streams.blob;

import java.util.List;
import java.util.Optional;

/**
 * Named byte blobs. Keys are relative slash-separated paths ({@code bundles/auth/3.json}); {@link
 * BlobKeys} validates them the same way for every implementation. All methods block.
 */
public interface BlobStore extends AutoCloseable {

  void put(String key, byte[] bytes);

  Optional<byte[]> get(String key);

  /** Keys starting with the prefix, sorted. */
  List<String> list(String prefix);

  /** Removes the blob; removing a missing blob is not an error. */
  void delete(String key);

  String describe();

  boolean embedded();

  @Override
  void close();
}
