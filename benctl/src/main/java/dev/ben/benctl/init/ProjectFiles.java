package dev.ben.benctl.init;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the starter project into a folder. Everything that could refuse is checked before the
 * first write, so a refused init leaves the folder as it was. A signing key is never replaced:
 * losing it would orphan every bundle it signed, so a usable existing pair is kept and an unusable
 * one is refused.
 */
final class ProjectFiles {

  /** One file written, as the command lists it. */
  record Written(String path, String note) {}

  private final Path dir;
  private final String name;
  private boolean keepKey;

  ProjectFiles(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /**
   * Refuses a path that is a file, a folder with content (unless forced) or an existing key that
   * cannot sign.
   */
  void checkTarget(boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw CommandFailure.refused(
          dir + " exists and is not a folder; choose a folder for the project");
    }
    List<String> present = contents();
    if (!present.isEmpty() && !force) {
      throw CommandFailure.refused(
          dir
              + " is not empty (it holds "
              + String.join(", ", present)
              + "); choose an"
              + " empty or new folder, or pass --force to write the starter files into it");
    }
    Path key = dir.resolve(StarterProject.keyPath(name));
    Path pub = dir.resolve(StarterProject.KEYS_FOLDER).resolve(name + KeyFiles.PUBLIC_SUFFIX);
    if (Files.exists(key) || Files.exists(pub)) {
      try {
        String keyId = KeyFiles.readSigningKey(key).keyId();
        if (!Ed25519.keyId(KeyFiles.readPublicKey(pub)).equals(keyId)) {
          throw new KeyFileException(pub, "is not the public half of " + key.getFileName());
        }
      } catch (KeyFileException unusable) {
        throw CommandFailure.refused(
            "an existing key pair is in the way and init never replaces keys: "
                + unusable.getMessage()
                + "; move "
                + key.getParent()
                + " away and run init again",
            unusable);
      }
      keepKey = true;
    }
  }

  /** Writes every file (the key pair only when there is none) and says what each one is. */
  List<Written> write() {
    List<Written> written = new ArrayList<>();
    text("ben.project", StarterProject.benProject(name), "project name and signing key", written);
    text(StarterProject.CONTRACT_FILE, StarterProject.CONTRACT, "starter contract", written);
    text(
        StarterProject.EVENTS_FILE,
        StarterProject.EVENTS,
        "sample events for benctl test",
        written);
    String key = StarterProject.keyPath(name);
    String pub = StarterProject.KEYS_FOLDER + "/" + name + KeyFiles.PUBLIC_SUFFIX;
    if (keepKey) {
      written.add(new Written(key, "kept: the existing signing key"));
      written.add(new Written(pub, "kept: the existing public key"));
    } else {
      try {
        KeyFiles.write(dir.resolve(StarterProject.KEYS_FOLDER), name, Ed25519.generate(), false);
      } catch (KeyFileException e) {
        throw CommandFailure.refused(e.getMessage(), e);
      }
      written.add(new Written(key, "signing key: secret, kept out of git"));
      written.add(new Written(pub, "public key: give it to whoever verifies your bundles"));
    }
    text(
        ".gitignore",
        gitignore(),
        "keeps " + String.join(" and ", StarterProject.IGNORED) + " out of git",
        written);
    text("README.md", StarterProject.readme(name), "what to run next", written);
    return written;
  }

  /**
   * The folder's entries, ignoring a {@code .git} folder so that init works in a freshly created
   * repository.
   */
  private List<String> contents() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals(".git"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw CommandFailure.refused("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The generated ignore list, or an existing one with the missing entries appended. */
  private String gitignore() {
    Path file = dir.resolve(".gitignore");
    String existing = "";
    if (Files.isRegularFile(file)) {
      try {
        existing = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw CommandFailure.refused("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    var text = new StringBuilder(existing);
    if (!existing.isEmpty() && !existing.endsWith("\n")) {
      text.append('\n');
    }
    List<String> lines = existing.lines().map(String::strip).toList();
    for (String entry : StarterProject.IGNORED) {
      if (!lines.contains(entry)) {
        text.append(entry).append('\n');
      }
    }
    return text.toString();
  }

  private void text(String relative, String content, String note, List<Written> written) {
    Path file = dir.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CommandFailure.refused("cannot write " + file + ": " + e.getMessage(), e);
    }
    written.add(new Written(relative, note));
  }
}
