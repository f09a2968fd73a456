package dev.ben.bux.api;

import dev.ben.bux.api.LedgerReads.ComponentVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The version each component of a pipeline runs, as ben_api shows it. The stages of one pipeline on
 * one node (sidecar, proxy, spine, detector, store) are one stream graph reading one contract slot,
 * yet only the spine's hello carries the slot's version: the spine is the one component that
 * acknowledges versions, and {@code benctl status} takes a component reporting a version for one
 * that must acknowledge. So rather than make every stage report (and be waited for), a stage that
 * reports nothing is shown with the version of the spine of the same pipeline on the same node, and
 * says so in {@code version_source}.
 */
final class StageVersions {

  /** The version is the component's own report. */
  static final String REPORTED = "reported";

  /** The version is that of the spine of the same pipeline on the same node. */
  static final String SPINE = "spine";

  /** Neither the component nor a spine beside it reports a version (version 0). */
  static final String NONE = "none";

  private static final String SPINE_STAGE = "spine";

  /** One component as listed: its stage, node, version and where that version comes from. */
  record StageVersion(String stage, String node, long version, String versionSource) {}

  private StageVersions() {}

  /** The components of one pipeline, in their order, each with the version it runs. */
  static List<StageVersion> of(List<ComponentVersion> components) {
    Map<String, Long> spineByNode = new HashMap<>();
    components.stream()
        .filter(c -> c.stage().equals(SPINE_STAGE) && c.version() != 0)
        .forEach(c -> spineByNode.put(c.node(), c.version()));
    return components.stream().map(c -> row(c, spineByNode.getOrDefault(c.node(), 0L))).toList();
  }

  private static StageVersion row(ComponentVersion c, long spineVersion) {
    if (c.version() != 0) {
      return new StageVersion(c.stage(), c.node(), c.version(), REPORTED);
    }
    return spineVersion != 0
        ? new StageVersion(c.stage(), c.node(), spineVersion, SPINE)
        : new StageVersion(c.stage(), c.node(), 0, NONE);
  }
}
