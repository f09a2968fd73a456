package dev.ben.actors.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The keyed-hashing secret of a node: 32 random bytes in a file only its owner can read, created on
 * first use. A file of another size is refused rather than used, since a wrong key silently changes
 * every keyed hash.
 */
public final class HashKeyFile {

  public static final int KEY_BYTES = 32;

  private HashKeyFile() {}

  public static byte[] loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] key = Files.readAllBytes(file);
      if (key.length != KEY_BYTES) {
        throw new IllegalStateException(
            "the hash key file "
                + file
                + " holds "
                + key.length
                + " bytes, not "
                + KEY_BYTES
                + "; restore it, or delete it to start with a new key (keyed hashes then change)");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the hash key file "
              + file
              + " (ben.spine"
              + ".hash-key-file): "
              + e.getMessage(),
          e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary =
        Files.createTempFile(
            dir,
            ".hash",
            ".key",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(temporary, key, StandardOpenOption.TRUNCATE_EXISTING);
    try {
      // Another node sharing the folder may have created it meanwhile; theirs wins and ours is
      // dropped.
      Files.move(temporary, file);
    } catch (FileAlreadyExistsException e) {
      Files.delete(temporary);
    }
  }
}
