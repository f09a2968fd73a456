package dev.ben.benctl.fmt;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.contracts.project.DirectoryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code *.ben} files named on the command line: folders are searched exactly as the project
 * loader searches them (through {@link DirectoryTree}, so hidden folders and {@code target/} are
 * skipped the same way), and files are taken as given.
 */
final class BenSources {

  /** One file to format and the name to print for it (the path as the user would type it). */
  record Source(Path file, String display) {}

  private BenSources() {}

  /** Every file under the given folders and files, each once, in a stable order. */
  static List<Source> find(List<Path> paths) {
    Map<Path, Source> found = new LinkedHashMap<>();
    for (Path path : paths) {
      for (Source source : under(path)) {
        found.putIfAbsent(source.file().toAbsolutePath().normalize(), source);
      }
    }
    return new ArrayList<>(found.values());
  }

  private static List<Source> under(Path path) {
    if (Files.isDirectory(path)) {
      List<String> relative;
      try {
        relative = new DirectoryTree(path).benFiles();
      } catch (UncheckedIOException unreadable) {
        throw CommandFailure.refused(unreadable.getMessage(), unreadable);
      }
      return relative.stream().map(r -> source(path.resolve(r))).toList();
    }
    if (Files.isRegularFile(path)) {
      if (!path.getFileName().toString().endsWith(".ben")) {
        throw CommandFailure.usage(path + ": not a .ben file; fmt only formats Ben contracts");
      }
      return List.of(source(path));
    }
    throw CommandFailure.refused(path + ": no such file or folder");
  }

  private static Source source(Path file) {
    return new Source(file, file.normalize().toString());
  }

  /** The file's text; a file that is not UTF-8 is refused, as the loader refuses it. */
  static String read(Source source) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(Files.readAllBytes(source.file())))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      throw new IOException("not valid UTF-8 text; save it as UTF-8", notUtf8);
    }
  }
}
