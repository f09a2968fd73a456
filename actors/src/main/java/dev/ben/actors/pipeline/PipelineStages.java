package dev.ben.actors.pipeline;

import dev.ben.config.FlowSettings;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Stages;
import dev.ben.streams.flow.StoreStage;
import dev.ben.streams.live.LiveEventJson;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.proxy.ProxyStage;
import dev.ben.streams.store.SpillBuffer;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.spine.SpineStage;
import dev.ben.streams.store.SchemaTableWriter;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Builds the stream of each stage of one pipeline. With a contract slot, the proxy applies the pipeline's proxy
 * settings (bounded buffer, watermarks, overload policy) of the version loaded when the pipeline starts, and the
 * spine evaluates every event with the version the slot holds; without one (a pipeline the node runs from its
 * configuration) both pass events through.
 * The other stages' logic comes with the data plane; what is real already is their bounds, their accounting, the
 * live tap after the detector and the batching store. Plain code: the stage actors only run what this returns.
 */
public final class PipelineStages {

  private final String pipeline;
  private final PipelineResources resources;
  private final Optional<ContractSlot> contract;

  public PipelineStages(String pipeline, PipelineResources resources, Optional<ContractSlot> contract) {
    this.pipeline = pipeline;
    this.resources = resources;
    this.contract = contract;
  }

  public Optional<ContractSlot> contract() {
    return contract;
  }

  public String pipeline() {
    return pipeline;
  }

  public StageCounters counters(StageKind kind) {
    return new StageCounters(resources.metrics(), pipeline, kind.label());
  }

  /** The stage's whole body: its logic followed by the next stage's ingress (none for the store). */
  public Sink<Envelope, NotUsed> body(StageKind kind, Sink<Envelope, NotUsed> downstream) {
    FlowSettings flow = resources.settings().flow();
    StageCounters counters = counters(kind);
    return switch (kind) {
      // A contract-driven pipeline stores into its schemas' tables; a pass-through one into ben_events.
      case STORE -> StoreStage.sink(counters, flow.storeBatchSize(), flow.storeBatchInterval(),
          flow.storeBatchInterval(), contract.<BatchWriter>map(slot -> new SchemaTableWriter(resources.migrator(),
              slot, resources.storeWriter(), resources.mapper())).orElse(resources.storeWriter()),
          new SpillBuffer(resources.spillIndex(), pipeline, flow.spillMaxBytes(), resources.mapper()),
          resources.blockingExecutor());
      case DETECTOR -> Stages.counted(counters, flow.stageBuffer(), liveTap()).to(downstream);
      case SIDECAR -> Stages.acceptedUpstream(counters, flow.stageBuffer()).to(downstream);
      case SPINE -> contract
          .map(slot -> Stages.counted(counters, flow.stageBuffer(),
              SpineStage.evaluating(slot, counters, resources.mapper(), System::currentTimeMillis,
                  resources.signals())))
          .orElseGet(() -> Stages.passThrough(counters, flow.stageBuffer()))
          .to(downstream);
      case PROXY -> contract.flatMap(ContractSlot::current)
          .map(active -> Stages.counted(counters, ProxyStage.flow(active.runtime().pipeline().proxy(), counters)))
          .orElseGet(() -> Stages.passThrough(counters, flow.stageBuffer()))
          .to(downstream);
    };
  }

  private Flow<Envelope, Envelope, NotUsed> liveTap() {
    return Flow.<Envelope>create().map(envelope -> {
      resources.live().publish(LiveEventJson.render(resources.mapper(), envelope));
      return envelope;
    });
  }
}
