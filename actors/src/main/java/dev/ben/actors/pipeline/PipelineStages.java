package dev.ben.actors.pipeline;

import dev.ben.config.BenSettings;
import dev.ben.config.DetectorSettings;
import dev.ben.config.FlowSettings;
import dev.ben.streams.detector.DetectorSkips;
import dev.ben.streams.detector.DetectorStage;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.flow.SpillBuffer;
import dev.ben.streams.flow.Stages;
import dev.ben.streams.flow.StoreStage;
import dev.ben.streams.live.LiveEventJson;
import dev.ben.streams.lucius.ScrubQueue;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.proxy.ProxyStage;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.spine.SpineStage;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.wal.PipelineWal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Builds the stream of each stage of one pipeline. With a contract slot, the proxy applies the
 * pipeline's proxy settings (bounded buffer, watermarks, overload policy) of the version loaded
 * when the pipeline starts, and the spine evaluates every event with the version the slot holds,
 * and the detector stage completes its decisions from the sharded detector state; without one (a
 * pipeline the node runs from its configuration) they pass events through. Every stage is bounded
 * and counted; the live tap follows the detector, and the store batches and spills. Plain code: the
 * stage actors only run what this returns.
 */
public final class PipelineStages {

  /** The sidecar's accepted reason for events fed back in from the ingest log. */
  public static final String REPLAYED = "replayed";

  private final String pipeline;
  private final PipelineResources resources;
  private final Optional<ContractSlot> contract;

  public PipelineStages(
      String pipeline, PipelineResources resources, Optional<ContractSlot> contract) {
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

  /** The node's settings, which the pipeline's actors take their timings from. */
  public BenSettings settings() {
    return resources.settings();
  }

  /** The pipeline's part of the node's ingest log, if the node keeps one. */
  public Optional<PipelineWal> wal() {
    return resources.wal().map(log -> log.pipeline(pipeline));
  }

  /** Where the stages tell of events whose outcome is final, so the log forgets them. */
  private Settlement settlement() {
    return wal().<Settlement>map(log -> log).orElse(Settlement.NONE);
  }

  /**
   * Feeds the events the ingest log still holds into the sidecar's ingress, each counted accepted
   * with reason {@value #REPLAYED}; completes with how many once all were handed over.
   */
  public CompletionStage<Long> replay(Sink<Envelope, NotUsed> sidecar, Materializer mat) {
    StageCounters counters = counters(StageKind.SIDECAR);
    AtomicLong replayed = new AtomicLong();
    return wal()
        .map(
            log ->
                log.replay(resources.blockingExecutor())
                    .map(
                        event -> {
                          counters.count(Outcome.ACCEPTED, REPLAYED);
                          replayed.incrementAndGet();
                          return event;
                        })
                    .watchTermination(Keep.right())
                    .to(sidecar)
                    .run(mat)
                    .thenApply(done -> replayed.get()))
        .orElseGet(() -> CompletableFuture.completedFuture(0L));
  }

  public StageCounters counters(StageKind kind) {
    return new StageCounters(resources.metrics(), pipeline, kind.label());
  }

  /**
   * How many events the stage's ingress may coalesce into one hand-over when it is pressed: the
   * spine takes the contract's proxy {@code coalesce} (events cross from proxy to spine in batches
   * of up to that many), every other stage one at a time.
   */
  public int coalescing(StageKind kind) {
    return kind != StageKind.SPINE
        ? 1
        : contract
            .flatMap(ContractSlot::current)
            .map(active -> active.runtime().pipeline().proxy().coalesce())
            .orElse(1);
  }

  /**
   * The stage's whole body: its logic followed by the next stage's ingress (none for the store).
   */
  public Sink<Envelope, NotUsed> body(StageKind kind, Sink<Envelope, NotUsed> downstream) {
    FlowSettings flow = resources.settings().flow();
    StageCounters counters = counters(kind);
    return switch (kind) {
      // A contract-driven pipeline stores into its schemas' tables; a pass-through one into
      // ben_events.
      case STORE ->
          StoreStage.sink(
              counters,
              flow.storeBatchSize(),
              flow.storeBatchInterval(),
              flow.storeBatchInterval(),
              contract
                  .<BatchWriter>map(
                      slot ->
                          new SchemaTableWriter(
                              resources.migrator(),
                              slot,
                              resources.storeWriter(),
                              resources.mapper()))
                  .orElse(resources.storeWriter()),
              spillBuffer(flow),
              settlement(),
              resources.blockingExecutor());
      case DETECTOR ->
          Stages.counted(
                  counters,
                  flow.stageBuffer(),
                  contract.map(slot -> detecting(slot).via(liveTap())).orElseGet(this::liveTap))
              .to(downstream);
      case SIDECAR -> Stages.acceptedUpstream(counters, flow.stageBuffer()).to(downstream);
      case SPINE ->
          contract
              .map(
                  slot ->
                      Stages.counted(
                          counters,
                          flow.stageBuffer(),
                          SpineStage.evaluating(
                              slot, counters, resources.mapper(), scrubQueue(), settlement())))
              .orElseGet(() -> Stages.passThrough(counters, flow.stageBuffer()))
              .to(downstream);
      case PROXY ->
          contract
              .flatMap(ContractSlot::current)
              .map(
                  active ->
                      Stages.counted(
                          counters,
                          ProxyStage.flow(
                              active.runtime().pipeline().proxy(), counters, settlement())))
              .orElseGet(() -> Stages.passThrough(counters, flow.stageBuffer()))
              .to(downstream);
    };
  }

  /** The store's spill buffer, its depth published as {@code ben_spill_batches} and bytes. */
  private SpillBuffer spillBuffer(FlowSettings flow) {
    SpillBuffer spill =
        new SpillBuffer(resources.spillIndex(), pipeline, flow.spillMaxBytes(), resources.mapper());
    Labels labels = Labels.of("pipeline", pipeline);
    resources
        .metrics()
        .gauge(
            "ben_spill_batches", "Batches waiting on disk for the store.", labels, spill::batches);
    resources
        .metrics()
        .gauge("ben_spill_bytes", "Bytes waiting on disk for the store.", labels, spill::bytes);
    return spill;
  }

  /**
   * What the pipeline found on disk as it started: the events the ingest log replayed, the batches
   * waiting for the store and the events waiting for the scrub, all from before the node stopped.
   */
  public String recovered(long replayed) {
    SpillBuffer.Waiting spilled =
        SpillBuffer.waiting(resources.spillIndex(), SpillBuffer.SPILL, pipeline);
    SpillBuffer.Waiting scrub =
        SpillBuffer.waiting(resources.spillIndex(), ScrubQueue.KIND, pipeline);
    return replayed
        + " events replayed from the ingest log, "
        + spilled.batches()
        + " batches ("
        + spilled.bytes()
        + " bytes) waiting on disk for the store, "
        + scrub.batches()
        + " events waiting for the scrub";
  }

  private ScrubQueue scrubQueue() {
    return new ScrubQueue(
        resources.spillIndex(),
        pipeline,
        resources.settings().flow().scrubQueueMaxBytes(),
        resources.mapper(),
        resources.metrics());
  }

  private Flow<Envelope, Envelope, NotUsed> detecting(ContractSlot slot) {
    DetectorSettings detector = resources.settings().detector();
    return DetectorStage.detecting(
        slot,
        resources.detectors(),
        detector.shards(),
        detector.batchSize(),
        detector.roundsInFlight(),
        System::currentTimeMillis,
        resources.signals(),
        new DetectorSkips(resources.metrics(), pipeline));
  }

  private Flow<Envelope, Envelope, NotUsed> liveTap() {
    return Flow.<Envelope>create()
        .map(
            envelope -> {
              resources.live().publish(LiveEventJson.render(resources.mapper(), envelope));
              return envelope;
            });
  }
}
