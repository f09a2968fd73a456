package dev.ben.contracts.project;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.lang.Ast;
import dev.ben.contracts.lang.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads every `*.ben` file of a project (skipping `target/` and hidden folders) sorted by relative path, parses
 * them, and checks imports: an imported file must exist in the project and imports must not form a cycle.
 */
public final class ProjectLoader {

  private ProjectLoader() {}

  /** The project, or empty when the folder is not a Ben project (the reason is in the diagnostics' caller). */
  public static Optional<Project> load(Path dir, Diagnostics diagnostics) {
    Path root = dir.toAbsolutePath().normalize();
    Path settingsFile = root.resolve(ProjectSettings.FILE_NAME);
    if (!Files.isRegularFile(settingsFile)) {
      return Optional.empty();
    }
    ProjectSettings settings = ProjectSettings.parse(read(root, settingsFile), diagnostics);
    List<Ast.Unit> units = new ArrayList<>();
    for (Path file : sources(root)) {
      units.add(Parser.parse(read(root, file), diagnostics));
    }
    checkImports(units, diagnostics);
    return Optional.of(new Project(root, settings, units));
  }

  /** Reads a project file as UTF-8, named by its path relative to the project with `/` separators. */
  public static SourceFile read(Path root, Path file) {
    String name = root.relativize(file).toString().replace('\\', '/');
    try {
      // Bytes that are not UTF-8 become U+FFFD, which the lexer reports at their position.
      return new SourceFile(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> sources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".ben") && Files.isRegularFile(p))
          .filter(p -> !excluded(root.relativize(p)))
          .sorted((a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private static boolean excluded(Path relative) {
    for (Path part : relative) {
      String s = part.toString();
      if (s.equals("target") || (s.startsWith(".") && s.length() > 1)) {
        return true;
      }
    }
    return false;
  }

  private static void checkImports(List<Ast.Unit> units, Diagnostics diagnostics) {
    Map<String, Ast.Unit> byName = new HashMap<>();
    units.forEach(u -> byName.put(u.file().name(), u));
    for (Ast.Unit unit : units) {
      for (Ast.Import imp : unit.imports()) {
        String target = resolve(unit.file().name(), imp.path());
        if (!byName.containsKey(target)) {
          diagnostics.error(imp.span(), "imported file `" + imp.path() + "` is not in the project",
              "imports name a .ben file relative to the importing file, inside the project folder");
        }
      }
    }
    Set<String> done = new HashSet<>();
    for (Ast.Unit unit : units) {
      findCycle(unit, byName, new ArrayList<>(), done, diagnostics);
    }
  }

  private static void findCycle(Ast.Unit unit, Map<String, Ast.Unit> byName, List<String> path, Set<String> done,
      Diagnostics diagnostics) {
    String name = unit.file().name();
    if (done.contains(name)) {
      return;
    }
    path.add(name);
    for (Ast.Import imp : unit.imports()) {
      String target = resolve(name, imp.path());
      if (path.contains(target)) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
        cycle.add(target);
        diagnostics.error(imp.span(), "import cycle: " + String.join(" -> ", cycle),
            "remove one of these imports; every file of a project is loaded anyway");
      } else if (byName.containsKey(target)) {
        findCycle(byName.get(target), byName, path, done, diagnostics);
      }
    }
    path.remove(path.size() - 1);
    done.add(name);
  }

  static String resolve(String importer, String path) {
    int slash = importer.lastIndexOf('/');
    String base = slash < 0 ? "" : importer.substring(0, slash + 1);
    return Path.of(base + path).normalize().toString().replace('\\', '/');
  }
}
