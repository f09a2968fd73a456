package dev.ben.actors.ledger;

import dev.ben.api.control.Lifecycle;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionState;
import dev.ben.streams.ledger.LedgerEvent;
import dev.ben.streams.ledger.PipelineHeader;
import dev.ben.streams.ledger.StagedVersion;
import java.util.List;

/**
 * The ledger's records as the control API shows them; the one place store records become API
 * messages.
 */
final class LedgerViews {

  private LedgerViews() {}

  static VersionInfo version(StagedVersion v) {
    return VersionInfo.newBuilder()
        .setPipeline(v.pipeline())
        .setVersion(v.version())
        .setState(VersionState.valueOf(v.state().name()))
        .setBundleId(v.bundleId())
        .setKeyId(v.keyId())
        .setStagedAtMillis(v.stagedAtMillis())
        .build();
  }

  static dev.ben.api.control.LedgerEvent event(LedgerEvent e) {
    var event =
        dev.ben.api.control.LedgerEvent.newBuilder()
            .setId(e.id())
            .setType(e.type())
            .setSource(e.source())
            .setSummary(e.summary())
            .setDataJson(e.dataJson())
            .setVersion(e.version())
            .setCreatedAtMillis(e.createdAtMillis());
    if (e.parentId() != null) {
      event.setParentId(e.parentId());
    }
    return event.build();
  }

  /** The stored part of a pipeline's status: header, versions and (when asked) history. */
  static PipelineStatus.Builder status(
      PipelineHeader header, List<StagedVersion> versions, List<LedgerEvent> history) {
    var status =
        PipelineStatus.newBuilder()
            .setPipeline(header.id())
            .setDescription(header.description())
            .setLifecycle(Lifecycle.valueOf(header.status().name()));
    for (StagedVersion v : versions) {
      status.addVersions(version(v));
      if (v.state() == dev.ben.streams.ledger.VersionState.ACTIVE) {
        status.setActiveVersion(v.version());
      }
      if (v.state() == dev.ben.streams.ledger.VersionState.ACTIVATING) {
        status.setActivatingVersion(v.version()).setActivationState(VersionState.ACTIVATING);
      }
    }
    history.forEach(e -> status.addHistory(event(e)));
    return status;
  }
}
