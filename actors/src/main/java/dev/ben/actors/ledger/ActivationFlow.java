package dev.ben.actors.ledger;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.actors.orchestrator.PipelineExecutor;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The steps of an activation between the ledger's messages, without actors: accepting a deploy or
 * rollback (its version, and the pipeline reserved for it while the orchestrator is asked where it
 * runs), starting it on the placed components, counting acks, failing it when its time is up, and
 * settling it once decided, publishing the notice of the version that runs again after a failure.
 * The ledger actor keeps the timers and answers the callers.
 */
final class ActivationFlow {

  private final ActivationRecords records;
  private final InFlightActivations inFlight;
  private final MessagePlane<ContractNotice> notices;

  ActivationFlow(
      ActivationRecords records,
      InFlightActivations inFlight,
      MessagePlane<ContractNotice> notices) {
    this.records = records;
    this.inFlight = inFlight;
    this.notices = notices;
  }

  /**
   * The version a deploy ({@code version} 0: the newest staged) or rollback activates; the pipeline
   * stays reserved for it until {@link #begin}.
   */
  VersionPolicy.Activate accept(String pipeline, long version, boolean rollback) {
    VersionPolicy.Activate decision =
        rollback
            ? records.decideRollback(pipeline)
            : records.decideDeploy(
                pipeline, version == 0 ? OptionalLong.empty() : OptionalLong.of(version));
    if (!inFlight.reserve(pipeline)) {
      throw new LedgerRefusal(
          LedgerRefusal.Kind.CONFLICT,
          "an activation of "
              + pipeline
              + " is already starting; wait for it (`benctl status "
              + pipeline
              + "`)");
    }
    return decision;
  }

  /**
   * Whether to ask for the placement again: a host that just started may not be listed yet, so an
   * empty placement is asked for again until the attempts are used up.
   */
  static boolean placeAgain(
      PipelineExecutor.Placement placement, Throwable failure, int attempt, int attempts) {
    return failure == null && placement.components().isEmpty() && attempt < attempts;
  }

  /**
   * Starts the accepted activation on the placed components and publishes its notice; the
   * reservation ends either way.
   */
  ActivationRun begin(
      VersionPolicy.Activate decision,
      PipelineExecutor.Placement placement,
      Throwable failure,
      String type,
      String source) {
    inFlight.release(decision.pipeline());
    ActivationRun run =
        records.begin(decision, required(decision.pipeline(), placement, failure), type, source);
    inFlight.started(run);
    notices.publish(run.notice());
    return run;
  }

  /** A component's ack, counted by the pipeline's activation under way (if any). */
  void ack(String componentId, String pipeline, long version) {
    inFlight.run(pipeline).ifPresent(run -> records.ack(run, componentId, version));
  }

  /** The time of the activation of {@code version} is up; it fails unless every ack came. */
  void expire(String pipeline, long version) {
    inFlight
        .run(pipeline)
        .filter(run -> run.version() == version)
        .ifPresent(run -> run.tally().expire());
  }

  /**
   * Records the outcome of the pipeline's activation once it is decided and returns it; nothing
   * while it is under way.
   */
  Optional<ActivationRun> settleIfDecided(String pipeline) {
    Optional<ActivationRun> decided =
        inFlight.run(pipeline).filter(run -> run.tally().state() != AckTally.State.ACTIVATING);
    decided.ifPresent(
        run -> {
          inFlight.finished(pipeline);
          records.settle(run).ifPresent(notices::publish);
        });
    return decided;
  }

  /**
   * The components an activation waits for, from the orchestrator's placement; refused when there
   * is none.
   */
  private static Set<String> required(
      String pipeline, PipelineExecutor.Placement placement, Throwable failure) {
    if (failure != null) {
      throw new LedgerRefusal(
          LedgerRefusal.Kind.CONFLICT,
          "the orchestrator did not say where "
              + pipeline
              + " runs ("
              + failure.getMessage()
              + "); nothing was changed, try again");
    }
    if (placement.components().isEmpty()) {
      // With nobody to acknowledge, "active" would be a claim nothing backs.
      throw new LedgerRefusal(
          LedgerRefusal.Kind.CONFLICT,
          "no cluster member can run "
              + pipeline
              + " (none with the edge role is up); nothing was changed");
    }
    return new TreeSet<>(placement.components());
  }
}
