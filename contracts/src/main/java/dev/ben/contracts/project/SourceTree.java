package dev.ben.contracts.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files of a project, addressed by normalised project-relative paths with {@code /} separators.
 */
public interface SourceTree {

  /** Every {@code *.ben} file of the project, sorted by path. */
  List<String> benFiles();

  /** A file's text, or empty when it does not exist (or would lie outside the project). */
  Optional<String> read(String path);

  /** A project held in memory (tests, the bux test bench): path to content. */
  static SourceTree of(Map<String, String> files) {
    Map<String, String> sorted = new TreeMap<>(files);
    return new SourceTree() {
      @Override
      public List<String> benFiles() {
        return sorted.keySet().stream().filter(path -> path.endsWith(".ben")).toList();
      }

      @Override
      public Optional<String> read(String path) {
        return Optional.ofNullable(sorted.get(path));
      }
    };
  }
}
