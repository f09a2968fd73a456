package dev.ben.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cluster roles (docs/architecture.md, nodes and roles); a component runs only on members
 * carrying its role.
 */
public enum Role {
  ORCHESTRATOR,
  EDGE,
  SPINE,
  DETECTOR,
  GATEWAY;

  /** The role's name as written in configuration and used as the Pekko cluster role. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String name) {
    return Arrays.stream(values())
        .filter(r -> r.configName().equals(name.trim().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(Role::configName).collect(Collectors.joining(", "));
  }
}
