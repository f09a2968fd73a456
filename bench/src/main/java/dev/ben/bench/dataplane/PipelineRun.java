package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.ben.config.FlowSettings;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.OverloadPolicy;
import dev.ben.contracts.model.ProxySettings;
import dev.ben.streams.detector.DetectorClock;
import dev.ben.streams.detector.DetectorSkips;
import dev.ben.streams.detector.DetectorStage;
import dev.ben.streams.detector.LocalDetectorShards;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.flow.SpillBuffer;
import dev.ben.streams.flow.StoreStage;
import dev.ben.streams.graph.PipelineGraph;
import dev.ben.streams.graph.StageKind;
import dev.ben.streams.lucius.ScrubQueue;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.proxy.ProxyStage;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.spine.SpineStage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;

/**
 * examples/auth through the stages a node runs for a pipeline, in one JVM: sidecar parsing, proxy
 * (the contract's buffer and overload policy, coalescing toward the spine), spine, detector (every
 * shard in this JVM), store stage (batching, spill buffer) into a given writer, wired as a node
 * wires them ({@link PipelineGraph}: one graph behind the ingest hub). Latency runs from when an
 * event was due (see {@link OpenLoopSource}) to the moment the store stage takes it (the store's
 * batching, up to {@code ben.flow.store-batch-interval}, comes on top by design).
 */
public final class PipelineRun {

  /** The node's flow settings: its store batches. */
  private static final FlowSettings FLOW =
      FlowSettings.fromConfig(ConfigFactory.defaultReference());

  /**
   * What one run sends: {@code count} events, as fast as the pipeline takes them when {@code
   * perSecond} is 0, else at that rate; {@code lossless} replaces the contract's overload policy by
   * backpressure; {@code timed} records each event's latency.
   */
  public record Load(String name, long count, int perSecond, boolean lossless, boolean timed) {

    /** As fast as the pipeline takes them, nothing shed. */
    public static Load sustained(String name, long count) {
      return new Load(name, count, 0, true, true);
    }

    /** At a fixed rate with the contract's overload policy. */
    public static Load atRate(String name, int perSecond, int seconds) {
      return new Load(name, (long) perSecond * seconds, perSecond, false, true);
    }

    /**
     * As fast as the source sends, with the contract's overload policy: more than the rest of the
     * pipeline takes, so the proxy sheds. Latency is not recorded (it is the proxy buffer's depth).
     */
    public static Load overload(String name, long count) {
      return new Load(name, count, 0, false, false);
    }
  }

  /** What one run measured. */
  public record Result(
      Load load,
      double seconds,
      double sentPerSecond,
      Duration eventTime,
      LatencyHistogram latency,
      long maxHeapBytes,
      long maxHeapInUseBytes,
      long firings,
      Map<String, Map<String, Long>> stages,
      CpuWatch.Use cpu) {

    public String name() {
      return load.name();
    }

    /**
     * Events that went all the way (stored, or refused or routed by a rule on the way) per second.
     */
    public double eventsPerSecond() {
      Map<String, Long> store = stages.get("store");
      Map<String, Long> spine = stages.get("spine");
      return (store.get("stored") + spine.get("refused") + spine.get("routed") + spine.get("shed"))
          / seconds;
    }

    /** Events the proxy shed under its overload policy. */
    public long shed() {
      return stages.get("proxy").get("shed");
    }

    /** Events the sidecar took that no stage gave a final outcome: 0 when every one is counted. */
    public long unaccounted() {
      return PipelineLedger.unaccounted(stages);
    }
  }

  private static final String PIPELINE = "auth";
  private static final Duration SETTLE = Duration.ofSeconds(60);

  /** The default of ben.spine.max-reason-labels; the bench's contract has fewer reasons. */
  private static final int REASON_LABELS = 32;

  private final ContractSet contracts;
  private final ActorSystem system;
  private final RocksIndex index;
  private final ObjectMapper mapper = new ObjectMapper();

  private final PipelineGraph.Boundaries boundaries;

  public PipelineRun(
      ContractSet contracts,
      ActorSystem system,
      RocksIndex index,
      PipelineGraph.Boundaries boundaries) {
    this.contracts = contracts;
    this.system = system;
    this.index = index;
    this.boundaries = boundaries;
  }

  /**
   * Sends the load and waits until every event the sidecar took has its final outcome, or until
   * {@link #SETTLE} after the last was sent (then {@link Result#unaccounted()} says how many have
   * none).
   */
  public Result run(Load load, Function<ContractSlot, BatchWriter> writers)
      throws InterruptedException {
    String name = load.name();
    MetricsRegistry metrics = new MetricsRegistry();
    Map<StageKind, StageCounters> byKind = PipelineGraph.counters(metrics, PIPELINE + "-" + name);
    Map<String, StageCounters> counters = new LinkedHashMap<>();
    byKind.forEach((kind, stage) -> counters.put(kind.label(), stage));
    ContractSlot slot = new ContractSlot(PIPELINE);
    slot.swap(new ActiveContract(1, ContractRuntime.build(contracts, PIPELINE, new byte[32])));
    ProxySettings declared = contracts.pipeline(PIPELINE).orElseThrow().proxy();
    // Lossless runs measure what the chain sustains: the proxy backpressures instead of shedding
    // what it cannot pass.
    ProxySettings proxy =
        load.lossless()
            ? new ProxySettings(
                declared.buffer(),
                declared.highWatermark(),
                declared.lowWatermark(),
                OverloadPolicy.BACKPRESSURE,
                declared.coalesce())
            : declared;
    OpenLoopSource traffic = new OpenLoopSource(load.count(), load.perSecond(), load.timed());
    LatencyHistogram latency = new LatencyHistogram();
    AtomicLong firings = new AtomicLong();
    ExecutorService blocking = Executors.newFixedThreadPool(2);
    PipelineGraph.Running running = null;
    try (HeapWatch heap = new HeapWatch()) {
      long started = System.nanoTime();
      CpuWatch cpu = new CpuWatch();
      running =
          PipelineGraph.run(
              new PipelineGraph.Logic(
                  1024,
                  ProxyStage.batches(proxy, byKind.get(StageKind.PROXY), Settlement.NONE),
                  proxy.coalesce(),
                  SpineStage.evaluatingBatches(
                      slot,
                      byKind.get(StageKind.SPINE),
                      mapper,
                      new ScrubQueue(index, PIPELINE + "-" + name, 64L << 20, mapper, metrics),
                      Settlement.NONE,
                      REASON_LABELS),
                  DetectorStage.detectingBatches(
                      slot,
                      new LocalDetectorShards(slot, 16),
                      16,
                      256,
                      4,
                      // Windows, TTLs and cooldowns slide with the traffic's moving event time.
                      DetectorClock.eventTime(System::currentTimeMillis),
                      (envelope, version, outcome, subject) -> firings.incrementAndGet(),
                      new DetectorSkips(metrics, PIPELINE)),
                  envelope -> {
                    if (load.timed()) {
                      latency.recordNanos(traffic.latencyNanos(envelope.eventId()));
                    }
                  },
                  StoreStage.batchesAcceptedUpstream(
                      // The node's own batching, so the heap figures hold its batches.
                      new StoreStage.Batching(
                          FLOW.storeBatchSize(),
                          FLOW.storeBatchInterval(),
                          FLOW.storeBatchInterval()),
                      byKind.get(StageKind.STORE),
                      writers.apply(slot),
                      new SpillBuffer(index, PIPELINE + "-" + name, 256L << 20, mapper),
                      Settlement.NONE,
                      blocking),
                  boundaries),
              byKind,
              Materializer.matFromSystem(system));
      traffic
          .source(PIPELINE, byKind.get(StageKind.SIDECAR), mapper)
          .runWith(running.batches(), system);
      long lastSent = System.nanoTime();
      long sentSoFar = -1;
      while (traffic.produced() < load.count()
          || !PipelineLedger.settled(PipelineLedger.totals(counters))) {
        if (traffic.produced() != sentSoFar) {
          sentSoFar = traffic.produced();
          lastSent = System.nanoTime();
        } else if (System.nanoTime() - lastSent > SETTLE.toNanos()) {
          break;
        }
        Thread.sleep(5);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Result(
          load,
          seconds,
          traffic.sentPerSecond(),
          traffic.eventTimeSpan(),
          latency,
          heap.maxAfterCollectionBytes(),
          heap.maxUsedBytes(),
          firings.get(),
          PipelineLedger.totals(counters),
          cpu.use());
    } finally {
      if (running != null) {
        running.killSwitch().shutdown();
      }
      blocking.shutdown();
    }
  }
}
