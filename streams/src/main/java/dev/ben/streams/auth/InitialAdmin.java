package dev.ben.streams.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first administrator of a cluster without users: {@code admin}, with a random password written
 * only to a file its owner alone can read. Nothing fixed or default is ever accepted.
 */
public final class InitialAdmin {

  public static final String USER = "admin";

  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final FileAttribute<?> OWNER_ONLY_DIR =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private final IdentityStore store;
  private final SecureRandom random;

  public InitialAdmin(IdentityStore store, SecureRandom random) {
    this.store = store;
    this.random = random;
  }

  /**
   * Creates the first administrator when the store has no user, and returns the file holding its
   * password; empty when users exist or another node created the administrator first.
   */
  public Optional<Path> ensure(Path passwordFile) {
    if (store.hasUsers()) {
      return Optional.empty();
    }
    String password = new GeneratedPasswords(random).next();
    // The password is written beside its final place first, born readable by the owner only, and
    // moved into place only once this node's administrator is the one stored.
    Path pending = pendingFile(passwordFile, password);
    try {
      boolean created =
          store.createUser(
              new StoredUser(USER, UserRole.ADMIN, new PasswordHashes(random).hash(password)));
      if (!created) {
        return Optional.empty();
      }
      Files.move(pending, passwordFile, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(passwordFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the initial admin file " + passwordFile, e);
    } finally {
      deleteQuietly(pending);
    }
  }

  private static Path pendingFile(Path passwordFile, String password) {
    Path dir = passwordFile.toAbsolutePath().getParent();
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, OWNER_ONLY_DIR);
      }
      Path pending = Files.createTempFile(dir, ".initial-admin", ".tmp", OWNER_ONLY);
      Files.writeString(pending, password + "\n", StandardCharsets.UTF_8);
      return pending;
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException(
          "cannot write the initial admin password under "
              + dir
              + " with owner-only permissions: "
              + e.getMessage(),
          e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left behind only when the disk fails, and readable by its owner alone.
    }
  }
}
