package dev.ben.contracts.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A project folder on disk. Hidden folders and build output ({@code target}) are skipped; paths
 * that resolve (through symbolic links too) outside the folder are treated as absent.
 */
public final class DirectoryTree implements SourceTree {
  private final Path root;

  public DirectoryTree(Path root) {
    try {
      this.root = root.toRealPath();
    } catch (IOException missing) {
      throw new UncheckedIOException("project folder " + root + " cannot be read", missing);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public List<String> benFiles() {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(path -> path.toString().endsWith(".ben") && Files.isRegularFile(path))
          .filter(path -> !skipped(root.relativize(path)))
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot list project folder " + root, unreadable);
    }
  }

  private static boolean skipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String part = relative.getName(i).toString();
      if (part.startsWith(".") || part.equals("target")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<String> read(String path) {
    Path file = root.resolve(path).normalize();
    try {
      if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
        return Optional.empty();
      }
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString());
    } catch (CharacterCodingException notUtf8) {
      throw new ProjectException(path + " is not valid UTF-8 text; save it as UTF-8");
    } catch (IOException unreadable) {
      throw new ProjectException("cannot read " + path + ": " + unreadable.getMessage());
    }
  }
}
