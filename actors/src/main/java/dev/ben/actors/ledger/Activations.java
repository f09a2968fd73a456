package dev.ben.actors.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The activations the ledger is counting acks for, one per pipeline at most, plus the last one of
 * each pipeline (so status can show who acknowledged after the decision). Pipelines whose placement
 * is still being asked are reserved, so a second deploy cannot slip in between the decision and the
 * start. Deploys waiting for their outcome are kept here too. Plain state, no actors.
 */
final class Activations {

  private final Map<String, ActivationBook.Begun> running = new HashMap<>();
  private final Map<String, ActivationProtocol> last = new HashMap<>();
  private final Set<String> reserved = new TreeSet<>();
  private final Map<String, List<ActorRef<LedgerAnswer>>> waiting = new HashMap<>();

  /** Reserves the pipeline for an activation; false when one is already starting or running. */
  boolean reserve(String pipeline) {
    return !running.containsKey(pipeline) && reserved.add(pipeline);
  }

  void release(String pipeline) {
    reserved.remove(pipeline);
  }

  void started(ActivationBook.Begun begun) {
    String pipeline = begun.protocol().pipeline();
    reserved.remove(pipeline);
    running.put(pipeline, begun);
    last.put(pipeline, begun.protocol());
  }

  Optional<ActivationBook.Begun> running(String pipeline) {
    return Optional.ofNullable(running.get(pipeline));
  }

  void finished(String pipeline) {
    running.remove(pipeline);
  }

  /** The activation under way, or else the last one, of the pipeline. */
  Optional<ActivationProtocol> latest(String pipeline) {
    return Optional.ofNullable(last.get(pipeline));
  }

  /** A caller waiting for the outcome of the pipeline's activation. */
  void await(String pipeline, ActorRef<LedgerAnswer> caller) {
    waiting.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(caller);
  }

  /** Stops waiting for one caller; false when it was answered already. */
  boolean stopWaiting(String pipeline, ActorRef<LedgerAnswer> caller) {
    List<ActorRef<LedgerAnswer>> callers = waiting.get(pipeline);
    return callers != null && callers.remove(caller);
  }

  /**
   * The callers still waiting for the pipeline's outcome, who are answered now (so forgotten here).
   */
  List<ActorRef<LedgerAnswer>> waiters(String pipeline) {
    List<ActorRef<LedgerAnswer>> callers = waiting.remove(pipeline);
    return callers == null ? List.of() : List.copyOf(callers);
  }

  Iterable<String> runningPipelines() {
    return new TreeSet<>(running.keySet());
  }
}
