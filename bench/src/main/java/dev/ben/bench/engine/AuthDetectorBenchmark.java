package dev.ben.bench.engine;

import dev.ben.bench.dataplane.AuthTraffic;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.DetectorRuntime;
import dev.ben.contracts.engine.RecordedDecisions;
import dev.ben.contracts.engine.SpineEvaluator;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Translation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per event of examples/auth's detectors alone, as a detector shard runs them: the spine's
 * decisions loaded, then every detector and playbook of the event's key updated. The events are
 * translated and decided once, before measuring, from the same {@link AuthTraffic} ring as {@link
 * AuthEngineBenchmark}, so the figure is the keyed state's cost, which with many keys is mostly
 * waiting for memory ({@code users}: 50,000 as in the other benchmarks, 500 with every key in the
 * processor's cache). Run {@code java -jar bench/target/benchmarks.jar AuthDetector}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
public class AuthDetectorBenchmark {

  @Param({"50000", "500"})
  public int users;

  /** An event with what the spine decided for it. */
  private record Decided(
      Event event, List<String> bits, List<String> rules, Map<String, String> facts) {}

  private Decided[] ring;
  private RecordedDecisions recorded;
  private DetectorRuntime detectors;
  private int next;
  private long now;

  @Setup
  public void setUp() throws Exception {
    ContractRuntime runtime =
        ContractRuntime.build(AuthExample.compile(), "auth", AuthEngineBenchmark.DEPLOYMENT_KEY);
    SpineEvaluator spine = runtime.spine("login");
    AuthTraffic traffic = new AuthTraffic(7, users);
    ring = new Decided[AuthEngineBenchmark.RING];
    for (int i = 0; i < ring.length; i++) {
      Event event = ((Translation.Accepted) runtime.translate("login", traffic.next())).event();
      spine.evaluate(event);
      ring[i] =
          new Decided(
              event,
              List.copyOf(spine.setBits()),
              List.copyOf(spine.firedRules()),
              Map.copyOf(spine.facts()));
    }
    recorded = runtime.recordedDecisions("login");
    detectors = runtime.newDetectors("login", 1);
    now = AuthTraffic.START.toEpochMilli();
  }

  @Benchmark
  public Object detect() {
    next = (next + 1) & (AuthEngineBenchmark.RING - 1);
    now++;
    Decided decided = ring[next];
    return detectors.detect(
        decided.event(), recorded.load(decided.bits(), decided.rules(), decided.facts()), now);
  }
}
