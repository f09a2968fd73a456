package dev.ben.actors.pipeline;

import dev.ben.actors.contract.ContractSources;
import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.config.BenSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;

/**
 * Builds the behavior of a pipeline on this node: pass-through ones from the node's configuration,
 * and the ledger's, which evaluate with a contract slot their holder keeps current.
 */
public final class PipelineLauncher {

  private final PipelineResources resources;
  private final ActorRef<PipelineDirectory.Command> directory;
  private final HelloPlane hellos;
  private final ActorRef<Orchestrator.Command> orchestrator;
  private final ContractSources contracts;
  private final AtomicLong incarnations = new AtomicLong();

  public PipelineLauncher(
      PipelineResources resources,
      ActorRef<PipelineDirectory.Command> directory,
      HelloPlane hellos,
      ActorRef<Orchestrator.Command> orchestrator,
      ContractSources contracts) {
    this.resources = resources;
    this.directory = directory;
    this.hellos = hellos;
    this.orchestrator = orchestrator;
    this.contracts = contracts;
  }

  BenSettings settings() {
    return resources.settings();
  }

  List<String> passThroughPipelines() {
    return resources.settings().node().passThroughPipelines();
  }

  Behavior<PipelineSupervisor.Command> passThrough(String pipeline) {
    return PipelineSupervisor.create(
        new PipelineStages(pipeline, resources, Optional.empty()),
        directory,
        hellos,
        orchestrator,
        Optional.empty());
  }

  Behavior<PipelineSupervisor.Command> managed(String pipeline) {
    return PipelineSupervisor.create(
        new PipelineStages(pipeline, resources, Optional.of(resources.slots().open(pipeline))),
        directory,
        hellos,
        orchestrator,
        Optional.of(contracts));
  }

  /**
   * A fresh suffix for a pipeline's actor name, since the previous incarnation may still be
   * stopping.
   */
  long next() {
    return incarnations.incrementAndGet();
  }
}
