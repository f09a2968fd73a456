package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Sidecar endpoints of a pipeline: HTTP ingest on or off, and an optional Unix socket name under
 * the run dir.
 */
@JsonPropertyOrder({"http", "uds"})
public record SidecarSettings(boolean http, String uds) {

  public SidecarSettings {
    if (!http && (uds == null || uds.isBlank())) {
      throw new IllegalArgumentException("a sidecar needs http or a uds socket name");
    }
  }
}
