package dev.ben.actors.pipeline;

import dev.ben.actors.orchestrator.ComponentIds;
import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.streams.graph.StageKind;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the orchestrator hears of one pipeline on this node, one component per stage kind (its
 * sidecar, proxy, spine, detector and store, though they run as one graph): hellos and goodbyes on
 * the presence plane, and counts and failures told to the orchestrator directly (telemetry and
 * health never travel on NATS).
 */
final class PipelinePresence {

  private final PipelineStages stages;
  private final HelloPlane hellos;
  private final ActorRef<Orchestrator.Command> orchestrator;
  private final boolean managed;
  private final String node;

  PipelinePresence(
      PipelineStages stages,
      HelloPlane hellos,
      ActorRef<Orchestrator.Command> orchestrator,
      boolean managed,
      String node) {
    this.stages = stages;
    this.hellos = hellos;
    this.orchestrator = orchestrator;
    this.managed = managed;
    this.node = node;
  }

  /**
   * Says hello for each stage; only the spine's hello carries the contract version the graph runs.
   * The spine is the component that acknowledges versions, and {@code benctl status} counts a
   * component reporting a version as one that must acknowledge; ben_api shows the other stages with
   * their spine's version instead.
   */
  void hello(List<StageKind> running) {
    long version = stages.contract().map(slot -> slot.version()).orElse(0L);
    for (StageKind kind : running) {
      hellos.send(
          new Orchestrator.ComponentHello(
              componentId(kind),
              kind.label(),
              stages.pipeline(),
              node,
              kind == StageKind.SPINE ? version : 0,
              managed));
    }
  }

  void counts(List<StageKind> running) {
    for (StageKind kind : running) {
      orchestrator.tell(
          new Orchestrator.ComponentCounts(componentId(kind), stages.counters(kind).totals()));
    }
  }

  void goodbye(List<StageKind> running) {
    running.forEach(kind -> hellos.send(new Orchestrator.ComponentGoodbye(componentId(kind))));
  }

  /** The stage's problem, as the orchestrator shows it until the pipeline is back. */
  void failed(StageKind kind, String problem) {
    orchestrator.tell(new Orchestrator.ComponentHealth(componentId(kind), problem));
  }

  String componentId(StageKind kind) {
    return ComponentIds.of(stages.pipeline(), kind.label(), node);
  }
}
