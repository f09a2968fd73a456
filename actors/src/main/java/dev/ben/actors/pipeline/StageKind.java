package dev.ben.actors.pipeline;

import java.util.List;
import java.util.Locale;

/** The stages of a pipeline's data path, in the order events flow through them. */
public enum StageKind {
  SIDECAR,
  PROXY,
  SPINE,
  DETECTOR,
  STORE;

  /**
   * Start order: from the store backwards, so each stage's downstream exists before it accepts
   * events.
   */
  public static final List<StageKind> START_ORDER = List.of(STORE, DETECTOR, SPINE, PROXY, SIDECAR);

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
