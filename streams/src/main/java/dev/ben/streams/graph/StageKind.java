package dev.ben.streams.graph;

import java.util.Locale;

/** The stages of a pipeline's data path, in the order events flow through them. */
public enum StageKind {
  SIDECAR,
  PROXY,
  SPINE,
  DETECTOR,
  STORE;

  /** The stage's name in counters, component ids and logs. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
