package dev.ben.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import dev.ben.contracts.engine.bitspec.Levenshtein;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses {@code ben.*} keys that reference.conf does not define, so a misspelt key in a file or a
 * {@code -D} option stops the node instead of being silently ignored. Environment variables need no
 * check: they only fill keys reference.conf names ({@code ${?BEN_...}}). Every {@code ben} key is a
 * value or a list; no subtree is left for users to fill freely, so none is exempt.
 */
public final class UnknownKeys {

  private static final String ROOT = "ben";

  /** Edits (inserted, removed or changed characters) a hint may be away from the unknown key. */
  private static final int HINT_DISTANCE = 3;

  private final Set<String> known;

  private UnknownKeys(Set<String> known) {
    this.known = Set.copyOf(known);
  }

  /**
   * The keys of the {@code ben} subtree of every reference.conf on the class path. Unresolved,
   * because Typesafe Config's resolved reference already holds the system properties, which would
   * make any {@code -Dben.x} known.
   */
  public static UnknownKeys ofReference() {
    return of(ConfigFactory.defaultReferenceUnresolved());
  }

  /** The keys of the {@code ben} subtree of {@code reference}. */
  public static UnknownKeys of(Config reference) {
    return new UnknownKeys(leaves(reference).keySet());
  }

  /**
   * Throws a {@link SettingsException} naming the first unknown {@code ben} key of {@code root},
   * where it was set and the nearest known key, followed by any other unknown keys.
   */
  public void check(Config root) {
    List<Map.Entry<String, ConfigValue>> unknown =
        leaves(root).entrySet().stream()
            .filter(entry -> !known.contains(entry.getKey()))
            .sorted(Map.Entry.comparingByKey())
            .toList();
    if (unknown.isEmpty()) {
      return;
    }
    String reason = problem(unknown.get(0));
    String others =
        unknown.stream()
            .skip(1)
            .map(entry -> "; `" + entry.getKey() + "` " + problem(entry))
            .collect(Collectors.joining());
    throw new SettingsException(unknown.get(0).getKey(), reason + others);
  }

  /** The known key nearest to {@code key}, if one is a few edits away. */
  Optional<String> nearest(String key) {
    return known.stream()
        .map(
            candidate ->
                new Candidate(candidate, Levenshtein.bounded(key, candidate, HINT_DISTANCE)))
        .filter(candidate -> candidate.distance() <= HINT_DISTANCE)
        .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::key))
        .map(Candidate::key);
  }

  private String problem(Map.Entry<String, ConfigValue> unknown) {
    return "not a Ben setting (set at "
        + where(unknown.getValue().origin())
        + ")"
        + nearest(unknown.getKey()).map(hint -> ", did you mean `" + hint + "`?").orElse("");
  }

  /** file:line for a file, otherwise what Typesafe Config calls the source (system properties). */
  static String where(ConfigOrigin origin) {
    if (origin.filename() == null) {
      return origin.description();
    }
    return origin.lineNumber() > 0
        ? origin.filename() + ":" + origin.lineNumber()
        : origin.filename();
  }

  /** Every value under {@code ben} by its full path (lists count as values); none without it. */
  private static Map<String, ConfigValue> leaves(Config root) {
    if (!root.hasPath(ROOT) || !(root.getValue(ROOT) instanceof ConfigObject)) {
      return Map.of();
    }
    return root.getConfig(ROOT).atKey(ROOT).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private record Candidate(String key, int distance) {}
}
