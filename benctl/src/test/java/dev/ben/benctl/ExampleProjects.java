package dev.ben.benctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the repository's example projects, so tests may build, edit and break them freely. */
public final class ExampleProjects {

  private ExampleProjects() {}

  /** A copy of {@code examples/NAME} (without any {@code target/}) inside {@code into}. */
  public static Path copy(String name, Path into) {
    Path from = Path.of("..", "examples", name);
    Path to = into.resolve(name);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = from.relativize(file);
        if (relative.startsWith("target")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }
}
