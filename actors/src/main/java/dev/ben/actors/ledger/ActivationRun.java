package dev.ben.actors.ledger;

import dev.ben.streams.ledger.PipelineHeader;

/**
 * One activation under way, as {@link ActivationRecords#begin} started it: the tally of its acks,
 * the notice that tells components which version to run, the header to put back should it fail, and
 * the id of its first event, which the later events of the activation name as their parent.
 */
record ActivationRun(AckTally tally, ContractNotice notice, PipelineHeader before, String eventId) {

  String pipeline() {
    return tally.pipeline();
  }

  long version() {
    return tally.version();
  }
}
