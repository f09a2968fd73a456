package dev.ben.actors.reads;

import dev.ben.actors.ledger.VersionContents;
import dev.ben.api.control.ComponentState;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.LedgerEvent;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionState;
import dev.ben.bux.api.LedgerReads.ArtifactChange;
import dev.ben.bux.api.LedgerReads.ComponentVersion;
import dev.ben.bux.api.LedgerReads.PipelineDetail;
import dev.ben.bux.api.LedgerReads.PipelineSummary;
import dev.ben.bux.api.LedgerReads.SourceFile;
import dev.ben.bux.api.LedgerReads.VersionDetail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ledger's control-API answers as ben_api shows them; the one place they are mapped. */
final class LedgerReadViews {

  /** The ledger records staging as an event of this type, with whoever staged as its source. */
  static final String STAGED = "staged";

  private LedgerReadViews() {}

  static PipelineSummary summary(PipelineStatus status) {
    return new PipelineSummary(
        status.getPipeline(),
        status.getLifecycle().name(),
        active(status),
        status.getVersionsList().stream()
            .filter(v -> v.getState() == VersionState.STAGED)
            .map(VersionInfo::getVersion)
            .toList(),
        components(status));
  }

  /** {@code status} read with its history, which names who staged each version. */
  static PipelineDetail detail(PipelineStatus status) {
    Map<Long, String> stagedBy = new HashMap<>();
    for (LedgerEvent event : status.getHistoryList()) {
      if (event.getType().equals(STAGED)) {
        stagedBy.put(event.getVersion(), event.getSource());
      }
    }
    return new PipelineDetail(
        status.getPipeline(),
        status.getLifecycle().name(),
        active(status),
        status.getVersionsList().stream()
            .map(
                v ->
                    new VersionDetail(
                        v.getVersion(),
                        v.getState().name(),
                        stagedBy.getOrDefault(v.getVersion(), ""),
                        v.getStagedAtMillis(),
                        v.getBundleId()))
            .toList(),
        components(status));
  }

  static List<ArtifactChange> artifacts(DiffReply diff) {
    return diff.getChangesList().stream()
        .map(c -> new ArtifactChange(c.getKind(), c.getName(), c.getChange()))
        .toList();
  }

  /** A version's files; each says whether it is a real source or a compiled artifact's JSON. */
  /** The version's source files, or its compiled artifacts when its bundle carries no sources. */
  static List<SourceFile> sources(VersionContents contents) {
    return VersionContents.ArtifactText.sourcesElseAll(contents.artifacts()).stream()
        .map(
            a ->
                new SourceFile(
                    a.path(), a.source() ? SourceFile.SOURCE : SourceFile.ARTIFACT, a.text()))
        .toList();
  }

  private static Long active(PipelineStatus status) {
    return status.getActiveVersion() == 0 ? null : status.getActiveVersion();
  }

  private static List<ComponentVersion> components(PipelineStatus status) {
    return status.getComponentsList().stream().map(LedgerReadViews::component).toList();
  }

  private static ComponentVersion component(ComponentState c) {
    return new ComponentVersion(c.getKind(), c.getNode(), c.getRunningVersion());
  }
}
