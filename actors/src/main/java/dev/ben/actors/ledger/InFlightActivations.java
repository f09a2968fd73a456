package dev.ben.actors.ledger;

import dev.ben.api.control.PipelineStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * The activations the ledger is counting acks for, one per pipeline at most, plus the tally of the
 * last one of each pipeline (so status can show who acknowledged after the decision). Pipelines
 * whose placement is still being asked are reserved, so a second deploy cannot slip in between the
 * decision and the start. Deploys waiting for their outcome are kept here too. Plain state in
 * memory, no actors.
 */
final class InFlightActivations {

  private final Map<String, ActivationRun> runs = new HashMap<>();
  private final Map<String, AckTally> lastTally = new HashMap<>();
  private final Set<String> reserved = new TreeSet<>();
  private final Map<String, List<ActorRef<StatusReply<PipelineStatus>>>> waiting = new HashMap<>();

  /** Reserves the pipeline for an activation; false when one is already starting or running. */
  boolean reserve(String pipeline) {
    return !runs.containsKey(pipeline) && reserved.add(pipeline);
  }

  void release(String pipeline) {
    reserved.remove(pipeline);
  }

  void started(ActivationRun run) {
    reserved.remove(run.pipeline());
    runs.put(run.pipeline(), run);
    lastTally.put(run.pipeline(), run.tally());
  }

  /** The pipeline's activation under way, if any. */
  Optional<ActivationRun> run(String pipeline) {
    return Optional.ofNullable(runs.get(pipeline));
  }

  void finished(String pipeline) {
    runs.remove(pipeline);
  }

  /** The tally of the activation under way, or else of the last one, of the pipeline. */
  Optional<AckTally> latestTally(String pipeline) {
    return Optional.ofNullable(lastTally.get(pipeline));
  }

  /** A caller waiting for the outcome of the pipeline's activation. */
  void await(String pipeline, ActorRef<StatusReply<PipelineStatus>> caller) {
    waiting.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(caller);
  }

  /** Stops waiting for one caller; false when it was answered already. */
  boolean stopWaiting(String pipeline, ActorRef<StatusReply<PipelineStatus>> caller) {
    List<ActorRef<StatusReply<PipelineStatus>>> callers = waiting.get(pipeline);
    return callers != null && callers.remove(caller);
  }

  /**
   * The callers still waiting for the pipeline's outcome, who are answered now (so forgotten here).
   */
  List<ActorRef<StatusReply<PipelineStatus>>> waiters(String pipeline) {
    List<ActorRef<StatusReply<PipelineStatus>>> callers = waiting.remove(pipeline);
    return callers == null ? List.of() : List.copyOf(callers);
  }
}
