package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.OverloadPolicy;
import dev.ben.contracts.model.ProxySettings;
import dev.ben.streams.detector.DetectorSkips;
import dev.ben.streams.detector.DetectorStage;
import dev.ben.streams.detector.LocalDetectorShards;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.flow.SpillBuffer;
import dev.ben.streams.flow.StoreStage;
import dev.ben.streams.graph.PipelineGraph;
import dev.ben.streams.graph.StageKind;
import dev.ben.streams.lucius.ScrubQueue;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.proxy.ProxyStage;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.sidecar.EventParser;
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
import org.apache.pekko.stream.javadsl.Source;

/**
 * examples/auth through the stages a node runs for a pipeline, in one JVM: sidecar parsing, proxy
 * (the contract's buffer and overload policy, coalescing toward the spine), spine, detector (every
 * shard in this JVM), store stage (batching, spill buffer) into a given writer, wired as a node
 * wires them ({@link PipelineGraph}: one graph behind the ingest hub). Latency is taken from the
 * moment the sidecar parsed an event to the moment the store stage takes it (the store's batching,
 * up to {@code ben.flow.store-batch-interval}, comes on top by design).
 */
public final class PipelineRun {

  /** What one run measured. */
  public record Result(
      String name,
      long events,
      double seconds,
      LatencyHistogram latency,
      long maxHeapBytes,
      long firings,
      Map<String, Map<String, Long>> stages) {

    /**
     * Events that went all the way (stored, or refused or routed by a rule on the way) per second.
     */
    public double eventsPerSecond() {
      Map<String, Long> store = stages.get("store");
      Map<String, Long> spine = stages.get("spine");
      return (store.get("stored") + spine.get("refused") + spine.get("routed") + spine.get("shed"))
          / seconds;
    }
  }

  private static final String PIPELINE = "auth";

  private final ContractSet contracts;
  private final ActorSystem system;
  private final RocksIndex index;
  private final ObjectMapper mapper = new ObjectMapper();

  public PipelineRun(ContractSet contracts, ActorSystem system, RocksIndex index) {
    this.contracts = contracts;
    this.system = system;
    this.index = index;
  }

  /**
   * Sends {@code count} events, as fast as the pipeline takes them when {@code perSecond} is 0,
   * else at that rate, and waits until the store stage has all that the detector forwarded. {@code
   * lossless} replaces the contract's overload policy by backpressure.
   */
  public Result run(
      String name,
      long count,
      int perSecond,
      boolean lossless,
      Function<ContractSlot, BatchWriter> writers)
      throws InterruptedException {
    MetricsRegistry metrics = new MetricsRegistry();
    Map<StageKind, StageCounters> counters = PipelineGraph.counters(metrics, PIPELINE + "-" + name);
    ContractSlot slot = new ContractSlot(PIPELINE);
    slot.swap(new ActiveContract(1, ContractRuntime.build(contracts, PIPELINE, new byte[32])));
    ProxySettings declared = contracts.pipeline(PIPELINE).orElseThrow().proxy();
    // Lossless runs measure what the chain sustains: the proxy backpressures instead of shedding
    // what it cannot pass.
    ProxySettings proxy =
        lossless
            ? new ProxySettings(
                declared.buffer(),
                declared.highWatermark(),
                declared.lowWatermark(),
                OverloadPolicy.BACKPRESSURE,
                declared.coalesce())
            : declared;
    long[] sent = new long[(int) count];
    LatencyHistogram latency = new LatencyHistogram();
    AtomicLong firings = new AtomicLong();
    AtomicLong produced = new AtomicLong();
    ExecutorService blocking = Executors.newFixedThreadPool(2);
    PipelineGraph.Running running = null;
    try (HeapWatch heap = new HeapWatch()) {
      long started = System.nanoTime();
      running =
          PipelineGraph.run(
              new PipelineGraph.Logic(
                  1024,
                  ProxyStage.flow(proxy, counters.get(StageKind.PROXY), Settlement.NONE),
                  proxy.coalesce(),
                  SpineStage.evaluating(
                      slot,
                      counters.get(StageKind.SPINE),
                      mapper,
                      new ScrubQueue(index, PIPELINE + "-" + name, 64L << 20, mapper, metrics),
                      Settlement.NONE),
                  DetectorStage.detecting(
                      slot,
                      new LocalDetectorShards(slot, 16),
                      16,
                      256,
                      4,
                      System::currentTimeMillis,
                      (envelope, version, outcome) -> firings.incrementAndGet(),
                      new DetectorSkips(metrics, PIPELINE)),
                  envelope ->
                      latency.recordNanos(
                          System.nanoTime()
                              - sent[
                                  Integer.parseInt(
                                      envelope.eventId(), 1, envelope.eventId().length(), 10)]),
                  StoreStage.acceptedUpstream(
                      counters.get(StageKind.STORE),
                      5_000,
                      Duration.ofSeconds(1),
                      Duration.ofSeconds(1),
                      writers.apply(slot),
                      new SpillBuffer(index, PIPELINE + "-" + name, 256L << 20, mapper),
                      Settlement.NONE,
                      blocking)),
              counters,
              Materializer.matFromSystem(system));
      source(count, perSecond, sent, counters.get(StageKind.SIDECAR), produced)
          .runWith(running.ingress(), system);
      StageCounters detector = counters.get(StageKind.DETECTOR);
      StageCounters store = counters.get(StageKind.STORE);
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (produced.get() < count
          || store.total(Outcome.STORED)
                  + store.total(Outcome.SPILLED)
                  + store.total(Outcome.REFUSED)
              < detector.total(Outcome.FORWARDED)
          || detector.total(Outcome.FORWARDED)
                  + detector.total(Outcome.REFUSED)
                  + detector.total(Outcome.SHED)
              < detector.total(Outcome.ACCEPTED)
          || detector.total(Outcome.ACCEPTED) == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              name + ": the pipeline did not drain within 10 minutes: " + totals(counters));
        }
        Thread.sleep(5);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Result(
          name, count, seconds, latency, heap.maxUsedBytes(), firings.get(), totals(counters));
    } finally {
      if (running != null) {
        running.killSwitch().shutdown();
      }
      blocking.shutdown();
    }
  }

  private Source<Envelope, ?> source(
      long count, int perSecond, long[] sent, StageCounters sidecar, AtomicLong produced) {
    // Event time keeps pace with the rate, so windows and cooldowns slide as they would live.
    AuthTraffic traffic = new AuthTraffic(42, 50_000, AuthTraffic.stepAt(perSecond));
    EventParser parser = new EventParser(mapper, 64 * 1024);
    Source<Long, ?> ticks = Source.range(0, (int) count - 1).map(Integer::longValue);
    if (perSecond > 0) {
      // Released every millisecond in small groups, so the rate is smooth at the scale latency is
      // measured on.
      ticks = ticks.throttle(Math.max(1, perSecond / 1000), Duration.ofMillis(1));
    }
    return ticks.map(
        i -> {
          EventParser.Parsed parsed =
              parser.parseOne(traffic.next(), PIPELINE, "bench", System.currentTimeMillis());
          Envelope e = ((EventParser.Accepted) parsed).envelope();
          sidecar.accepted();
          sent[(int) (long) i] = System.nanoTime();
          produced.incrementAndGet();
          return new Envelope("e" + i, e.pipeline(), e.app(), e.receivedAtMillis(), e.body());
        });
  }

  private static Map<String, Map<String, Long>> totals(Map<StageKind, StageCounters> counters) {
    Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
    counters.forEach((stage, c) -> totals.put(stage.label(), c.totals()));
    return totals;
  }
}
