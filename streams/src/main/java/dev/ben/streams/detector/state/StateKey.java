package dev.ben.streams.detector.state;

/**
 * Where one detector's snapshot lives: {@code <pipeline>/<shard>/<schema>/<fingerprint>}. The
 * fingerprint is that of the detector's definition, not the contract version, so every version with
 * the same detector reads and writes the same key. The playbook budgets of a pipeline live under
 * the shard {@value #PLAYBOOK_BUDGETS}, which no detector shard has, so a shard never loads them.
 */
public record StateKey(String pipeline, int shard, String schema, String fingerprint) {

  /** The shard number of a pipeline's playbook budgets. */
  public static final int PLAYBOOK_BUDGETS = -1;

  public StateKey {
    for (String part : new String[] {pipeline, schema, fingerprint}) {
      if (part == null || part.isEmpty() || part.indexOf('/') >= 0) {
        throw new IllegalArgumentException("not a state key part: '" + part + "'");
      }
    }
    if (shard < PLAYBOOK_BUDGETS) {
      throw new IllegalArgumentException("shard " + shard + " is negative");
    }
  }

  /** The key of one shard's snapshots, ending with a slash. */
  public static String shardPrefix(String pipeline, int shard) {
    return pipeline + "/" + shard + "/";
  }

  public String path() {
    return shardPrefix(pipeline, shard) + schema + "/" + fingerprint;
  }

  /** The key whose {@link #path()} is {@code prefix + "<schema>/<fingerprint>"}. */
  static StateKey parse(String pipeline, int shard, String rest) {
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not <schema>/<fingerprint>: " + rest);
    }
    return new StateKey(pipeline, shard, rest.substring(0, slash), rest.substring(slash + 1));
  }
}
