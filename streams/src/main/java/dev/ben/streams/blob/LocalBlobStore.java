package dev.ben.streams.blob;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under one directory. Writes go to a temporary file that is then moved into place,
 * so a reader never sees half a blob and a crash leaves either the old or the new one.
 */
public final class LocalBlobStore implements BlobStore {

  private final Path root;

  public LocalBlobStore(Path root) {
    try {
      this.root = Files.createDirectories(root).toRealPath();
    } catch (IOException e) {
      throw new BlobException(
          "cannot create the blob directory " + root + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(String key, byte[] bytes) {
    Path target = path(key);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
      Files.write(temp, bytes);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new BlobException("writing blob " + key + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(path(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new BlobException("reading blob " + key + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    BlobKeys.checkPrefix(prefix);
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(k -> !k.contains("/.") && !k.startsWith(".") && k.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new BlobException("listing blobs under " + prefix + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw new BlobException("deleting blob " + key + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "local " + root;
  }

  @Override
  public boolean embedded() {
    return true;
  }

  @Override
  public void close() {}

  private Path path(String key) {
    Path path = root.resolve(BlobKeys.check(key)).normalize();
    if (!path.startsWith(root)) {
      throw new BlobException("blob key `" + key + "` points outside the blob directory");
    }
    return path;
  }
}
