package dev.ben.actors.detector;

import dev.ben.contracts.engine.playbook.BoundAdmission;

/** Where a detector shard's rounds take their candidate firings: the bounds of one pipeline. */
@FunctionalInterface
public interface BoundAdmissions {

  BoundAdmission forPipeline(String pipeline);
}
