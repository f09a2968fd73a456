package dev.ben.streams.eventlog;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A component the log knows: its name (the authenticated identity it publishes and consumes under),
 * the types it may publish, and the types it may consume exactly once. Any registered component may
 * read every type generically.
 */
public record Component(String name, Set<String> publishes, Set<String> consumes) {

  /** A name is a key token in both backends: lowercase letters, digits, _ and -. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public Component {
    if (name == null || !NAME.matcher(name).matches()) {
      throw EventRefusedException.invalid(
          "/component",
          "`" + name + "` is not a component name (1-64 lowercase letters, digits, _ and -)");
    }
    publishes = Set.copyOf(publishes);
    consumes = Set.copyOf(consumes);
  }
}
