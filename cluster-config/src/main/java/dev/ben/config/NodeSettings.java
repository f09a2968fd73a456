package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who this node is in the cluster: its roles, its remoting address, the seed nodes it joins and the
 * pipelines it runs as pass-through paths; how long it may take to start ({@code startupTimeout}),
 * how long its actors wait for another actor's answer ({@code askTimeout}), how often its contract
 * holders ask the ledger which version to run ({@code contractPollInterval}), and whether, for
 * tests only, it may share a cluster while on embedded defaults ({@code
 * allowEmbeddedInClusterForTests}).
 */
public record NodeSettings(
    Set<Role> roles,
    Endpoint address,
    List<Endpoint> seeds,
    List<String> passThroughPipelines,
    Duration startupTimeout,
    Duration askTimeout,
    Duration contractPollInterval,
    boolean allowEmbeddedInClusterForTests) {

  private static final java.util.regex.Pattern PIPELINE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public NodeSettings {
    roles = Set.copyOf(roles);
    seeds = List.copyOf(seeds);
    passThroughPipelines = List.copyOf(passThroughPipelines);
  }

  public static NodeSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.node");
    List<String> roleNames = reader.stringList("roles");
    if (roleNames.isEmpty()) {
      throw reader.invalid("roles", "a node needs at least one role, one of " + Role.names());
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : roleNames) {
      roles.add(
          Role.parse(name)
              .orElseThrow(
                  () ->
                      reader.invalid(
                          "roles",
                          "unknown role `" + name + "`, expected one of " + Role.names())));
    }
    List<Endpoint> seeds =
        reader.stringList("seeds").stream().map(s -> parseSeed(reader, s)).toList();
    List<String> pipelines = reader.stringList("pass-through-pipelines");
    for (String pipeline : pipelines) {
      if (!PIPELINE_NAME.matcher(pipeline).matches()) {
        throw reader.invalid(
            "pass-through-pipelines",
            "`"
                + pipeline
                + "` is not a pipeline name (letters, digits, `_`, `.`, `-`, at most 64)");
      }
    }
    return new NodeSettings(
        roles,
        Endpoint.read(reader),
        seeds,
        pipelines.stream().distinct().toList(),
        reader.positiveDuration("startup-timeout"),
        reader.positiveDuration("ask-timeout"),
        reader.positiveDuration("contract-poll-interval"),
        reader.bool("allow-embedded-in-cluster-for-tests"));
  }

  /** A node with no seeds joins itself and forms a single-node cluster. */
  public boolean seedsItself() {
    return seeds.isEmpty() || seeds.contains(address);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  private static Endpoint parseSeed(ConfigReader reader, String seed) {
    int colon = seed.lastIndexOf(':');
    if (colon <= 0 || colon == seed.length() - 1) {
      throw reader.invalid("seeds", "seed `" + seed + "` must be host:port");
    }
    try {
      return new Endpoint(seed.substring(0, colon), Integer.parseInt(seed.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw reader.invalid("seeds", "seed `" + seed + "` has a port that is not a number");
    }
  }
}
