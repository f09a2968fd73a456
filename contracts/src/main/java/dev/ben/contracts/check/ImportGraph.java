package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.BenFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves {@code import} statements between the project's files and computes, for each file, which
 * files' declarations it may use: itself and everything it imports, transitively. Missing files and
 * cycles are errors.
 */
final class ImportGraph {
  private final Map<String, List<String>> edges = new LinkedHashMap<>();
  private final Map<String, Set<String>> visible = new HashMap<>();

  ImportGraph(List<BenFile> files, Diagnostics diagnostics) {
    Set<String> paths = new TreeSet<>();
    files.forEach(file -> paths.add(file.source().path()));
    for (BenFile file : files) {
      String from = file.source().path();
      List<String> targets = new ArrayList<>();
      for (BenFile.Import anImport : file.imports()) {
        String written = anImport.path().value();
        String target = ProjectPaths.resolve(from, written);
        if (target == null) {
          diagnostics.error(
              anImport.path().span(),
              "import \"" + written + "\" points outside the project",
              "imports are relative to the importing file and must stay inside the project folder");
        } else if (!target.endsWith(".ben")) {
          diagnostics.error(
              anImport.path().span(), "can only import `.ben` files, not \"" + written + "\"");
        } else if (target.equals(from)) {
          diagnostics.error(
              anImport.span(), "file `" + from + "` imports itself", "remove this import");
        } else if (!paths.contains(target)) {
          diagnostics.error(
              anImport.path().span(),
              "imported file \"" + written + "\" does not exist",
              didYouMean(target, paths));
        } else if (targets.contains(target)) {
          diagnostics.warning(
              anImport.span(), "`" + target + "` is imported twice", "remove this import");
        } else {
          targets.add(target);
        }
      }
      edges.put(from, targets);
    }
    reportCycles(files, diagnostics);
  }

  private static String[] didYouMean(String target, Set<String> paths) {
    return dev.ben.contracts.diag.DiagnosticRenderer.didYouMean(target, paths);
  }

  private void reportCycles(List<BenFile> files, Diagnostics diagnostics) {
    Map<String, Integer> state = new HashMap<>();
    for (BenFile file : files) {
      visit(file.source().path(), new ArrayList<>(), state, files, diagnostics);
    }
  }

  private void visit(
      String path,
      List<String> stack,
      Map<String, Integer> state,
      List<BenFile> files,
      Diagnostics diagnostics) {
    if (state.getOrDefault(path, 0) == 2) {
      return;
    }
    state.put(path, 1);
    stack.add(path);
    for (String target : edges.getOrDefault(path, List.of())) {
      if (state.getOrDefault(target, 0) == 1) {
        List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(target), stack.size()));
        cycle.add(target);
        BenFile.Import at = importOf(files, path, target);
        diagnostics.error(
            at.path().span(),
            "import cycle: " + String.join(" -> ", cycle),
            "move the shared declarations into a file that both import");
      } else {
        visit(target, stack, state, files, diagnostics);
      }
    }
    stack.remove(stack.size() - 1);
    state.put(path, 2);
  }

  private static BenFile.Import importOf(List<BenFile> files, String from, String target) {
    for (BenFile file : files) {
      if (file.source().path().equals(from)) {
        for (BenFile.Import anImport : file.imports()) {
          if (target.equals(ProjectPaths.resolve(from, anImport.path().value()))) {
            return anImport;
          }
        }
      }
    }
    throw new IllegalStateException("edge without import: " + from + " -> " + target);
  }

  /** The files whose declarations {@code path} may use (itself and its transitive imports). */
  Set<String> visibleFrom(String path) {
    return visible.computeIfAbsent(
        path,
        start -> {
          Set<String> seen = new LinkedHashSet<>();
          List<String> work = new ArrayList<>(List.of(start));
          while (!work.isEmpty()) {
            String next = work.remove(work.size() - 1);
            if (seen.add(next)) {
              work.addAll(edges.getOrDefault(next, List.of()));
            }
          }
          return seen;
        });
  }
}
