package dev.ben.actors.pipeline;

import dev.ben.config.BenSettings;
import dev.ben.config.DetectorSettings;
import dev.ben.config.FlowSettings;
import dev.ben.contracts.model.ProxySettings;
import dev.ben.streams.detector.DetectorClock;
import dev.ben.streams.detector.DetectorSkips;
import dev.ben.streams.detector.DetectorStage;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Coalescing;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.flow.SpillBuffer;
import dev.ben.streams.flow.StoreStage;
import dev.ben.streams.graph.PipelineGraph;
import dev.ben.streams.graph.StageKind;
import dev.ben.streams.live.LiveEventJson;
import dev.ben.streams.lucius.ScrubQueue;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.proxy.ProxyStage;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.spine.SpineStage;
import dev.ben.streams.store.StoreInserts;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.wal.PipelineWal;
import java.util.List;
import java.util.Map;
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
 * Builds the graph of one pipeline ({@link PipelineGraph}). With a contract slot, the proxy applies
 * the pipeline's proxy settings (bounded buffer, watermarks, overload policy) of the version loaded
 * when the pipeline starts, and the spine evaluates every event with the version the slot holds,
 * and the detector stage completes its decisions from the sharded detector state; without one (a
 * pipeline the node runs from its configuration) they pass events through. Every stage is bounded
 * and counted; the live tap follows the detector, and the store batches and spills. Plain code: the
 * pipeline's supervisor only materialises what this returns and watches it.
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
   * Feeds the events the ingest log still holds into the sidecar's ingress, in batches of up to
   * {@link PipelineGraph#LARGEST_BATCH} in the log's order, each event counted accepted with reason
   * {@value #REPLAYED}; completes with how many once all were handed over.
   */
  public CompletionStage<Long> replay(Sink<List<Envelope>, NotUsed> sidecar, Materializer mat) {
    StageCounters counters = counters(StageKind.SIDECAR);
    AtomicLong replayed = new AtomicLong();
    return wal()
        .map(
            log ->
                log.replay(resources.blockingExecutor())
                    .grouped(PipelineGraph.LARGEST_BATCH)
                    .map(
                        batch -> {
                          counters.count(Outcome.ACCEPTED, REPLAYED, batch.size());
                          replayed.addAndGet(batch.size());
                          return batch;
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
   * The pipeline's graph, materialised on {@code materializer}: with a contract slot the proxy
   * applies the proxy settings of the version loaded when the pipeline starts and hands events to
   * the spine in batches of up to its {@code coalesce}; without one proxy, spine and detector pass
   * events through (the proxy bounded by the stage buffer, in events).
   */
  public PipelineGraph.Running run(Materializer materializer) {
    Map<StageKind, StageCounters> counters = PipelineGraph.counters(resources.metrics(), pipeline);
    FlowSettings flow = resources.settings().flow();
    Optional<ProxySettings> proxy =
        contract.flatMap(ContractSlot::current).map(active -> active.runtime().pipeline().proxy());
    PipelineGraph.Logic logic =
        new PipelineGraph.Logic(
            flow.stageBuffer(),
            proxy
                .map(
                    settings ->
                        ProxyStage.batches(settings, counters.get(StageKind.PROXY), settlement()))
                .orElseGet(() -> Coalescing.merged(flow.stageBuffer())),
            proxy.map(ProxySettings::coalesce).orElse(1),
            contract
                .map(
                    slot ->
                        SpineStage.evaluatingBatches(
                            slot,
                            counters.get(StageKind.SPINE),
                            resources.mapper(),
                            scrubQueue(),
                            settlement(),
                            resources.settings().spine().maxReasonLabels()))
                .orElseGet(Flow::create),
            contract.map(this::detecting).orElseGet(Flow::create),
            this::liveTap,
            store(counters.get(StageKind.STORE), flow),
            new PipelineGraph.Boundaries(
                flow.boundaryBeforeDetector(), flow.boundaryBeforeStore()));
    return PipelineGraph.run(logic, counters, materializer);
  }

  /**
   * A contract-driven pipeline stores into its schemas' tables; a pass-through one into ben_events.
   */
  private Sink<List<Envelope>, NotUsed> store(StageCounters counters, FlowSettings flow) {
    return StoreStage.batchesAcceptedUpstream(
        new StoreStage.Batching(
            flow.storeBatchSize(), flow.storeBatchInterval(), flow.storeBatchInterval()),
        counters,
        contract
            .<BatchWriter>map(
                slot ->
                    new SchemaTableWriter(
                        resources.migrator(),
                        slot,
                        resources.storeWriter(),
                        resources.mapper(),
                        StoreInserts.timed(resources.metrics())))
            .orElse(resources.storeWriter()),
        spillBuffer(flow),
        settlement(),
        resources.blockingExecutor());
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

  private Flow<List<Envelope>, List<Envelope>, NotUsed> detecting(ContractSlot slot) {
    DetectorSettings detector = resources.settings().detector();
    return DetectorStage.detectingBatches(
        slot,
        resources.detectors(),
        detector.shards(),
        detector.batchSize(),
        detector.roundsInFlight(),
        DetectorClock.of(detector.clock(), System::currentTimeMillis),
        resources.signals(),
        new DetectorSkips(resources.metrics(), pipeline));
  }

  private void liveTap(Envelope envelope) {
    resources
        .live()
        .publishWhileWatched(
            () -> LiveEventJson.render(resources.mapper(), envelope, redactedFields(envelope)));
  }

  /** The fields the version that decided the event redacts, while the slot still holds it. */
  private java.util.List<String> redactedFields(Envelope envelope) {
    Envelope.Evaluation evaluation = envelope.evaluation();
    if (evaluation == null || contract.isEmpty()) {
      return java.util.List.of();
    }
    return contract
        .get()
        .held(evaluation.contractVersion())
        .map(active -> LiveEventJson.redactedFields(active, evaluation.result().schema()))
        .orElse(java.util.List.of());
  }
}
