package dev.ben.contracts.model;

/** What a proxy does when its buffer is full; applied structurally, never based on content. */
public enum OverloadPolicy {
  BACKPRESSURE,
  SHED_OLDEST,
  SHED_NEWEST,
  SAMPLE
}
