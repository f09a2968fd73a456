package dev.ben.streams.ledger;

import java.util.Objects;

/**
 * A pipeline's header as the ledger keeps it (in the KV bucket with NATS): what the orchestrator
 * reconciles against. {@code version} is the version that should run while the pipeline is
 * published, 0 when none is chosen yet.
 */
public record PipelineHeader(
    String id, String name, String description, PipelineStatus status, long version) {

  public PipelineHeader {
    LedgerNames.pipeline(id, "pipeline id");
    LedgerNames.required(name, "the name of pipeline " + id);
    description = description == null ? "" : description;
    Objects.requireNonNull(status, "status");
    LedgerNames.notNegative(version, "the version of pipeline " + id);
    if (status == PipelineStatus.PUBLISHED && version == 0) {
      // A published header with nothing to run would make the orchestrator start an empty pipeline.
      throw new IllegalArgumentException(
          "pipeline "
              + id
              + " cannot be published without a version to run; "
              + "deploy a staged version first");
    }
  }

  /** The same header with another status and version. */
  public PipelineHeader with(PipelineStatus newStatus, long newVersion) {
    return new PipelineHeader(id, name, description, newStatus, newVersion);
  }
}
