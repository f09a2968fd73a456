package dev.ben.benctl.build;

import dev.ben.contracts.bundle.Artifact;
import dev.ben.contracts.bundle.Bundle;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** "2 schema, 1 policy, …": what a bundle holds, in one line. */
final class ArtifactCounts {

  private ArtifactCounts() {}

  static String describe(Bundle bundle) {
    Map<String, Long> byKind =
        bundle.artifacts().stream()
            .collect(Collectors.groupingBy(Artifact::kind, TreeMap::new, Collectors.counting()));
    return bundle.artifacts().size()
        + " ("
        + byKind.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "))
        + ")";
  }
}
