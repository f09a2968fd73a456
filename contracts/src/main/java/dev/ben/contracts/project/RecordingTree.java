package dev.ben.contracts.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A source tree that remembers every file read from it, so that a loaded project knows exactly
 * which files it was built from: {@code ben.project}, the {@code .ben} files and the list files the
 * contracts name, and nothing else (never the signing key, which is not read through the tree).
 */
final class RecordingTree implements SourceTree {

  private final SourceTree tree;
  private final Map<String, String> read = new TreeMap<>();

  RecordingTree(SourceTree tree) {
    this.tree = tree;
  }

  @Override
  public List<String> benFiles() {
    return tree.benFiles();
  }

  @Override
  public Optional<String> read(String path) {
    Optional<String> text = tree.read(path);
    text.ifPresent(found -> read.put(path, found));
    return text;
  }

  /** Every file read so far, by path. */
  Map<String, String> read() {
    return Map.copyOf(read);
  }
}
