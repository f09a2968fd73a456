package dev.ben.bench.engine;

import dev.ben.bench.dataplane.AuthTraffic;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ValueList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time (and, with {@code -prof gc}, bytes) per event of examples/auth with its detectors on one
 * thread: {@code engine} runs Ben's engines ({@link EngineLoop}), {@code plainJava} the plain Java
 * loop doing the same work ({@link ReferenceLoop}); {@code contracts} only the engines' own part
 * (translate and evaluate, no stage body or store row). All read the same ring of pre-serialised
 * {@link AuthTraffic} lines (50,000 users, bursts from a few attackers) at a clock that moves one
 * millisecond per event, lap after lap, so windows, TTLs and cooldowns slide and keys stay warm.
 * Run {@code java -jar bench/target/benchmarks.jar AuthEngine -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
public class AuthEngineBenchmark {

  /** Lines in the ring: enough that the users' keys are revisited with time moved on. */
  static final int RING = 1 << 16;

  static final int USERS = 50_000;

  static final byte[] DEPLOYMENT_KEY = new byte[32];

  private byte[][] lines;
  private int next;
  private long now;
  private EngineLoop engine;
  private ReferenceLoop reference;

  @Setup
  public void setUp() throws Exception {
    AuthTraffic traffic = new AuthTraffic(7, USERS);
    lines = new byte[RING][];
    for (int i = 0; i < RING; i++) {
      lines[i] = traffic.next();
    }
    ContractSet contracts = AuthExample.compile();
    engine = new EngineLoop(contracts, DEPLOYMENT_KEY);
    reference = new ReferenceLoop(sanctionNames(contracts), DEPLOYMENT_KEY);
    now = AuthTraffic.START.toEpochMilli();
  }

  static List<String> sanctionNames(ContractSet contracts) {
    return contracts.lists().stream()
        .filter(list -> list.name().equals("sanctions_names"))
        .map(ValueList::values)
        .findFirst()
        .orElseThrow();
  }

  private byte[] nextLine() {
    next = (next + 1) & (RING - 1);
    now++;
    return lines[next];
  }

  @Benchmark
  public Object engine() throws Exception {
    return engine.process(nextLine(), now);
  }

  @Benchmark
  public Object contracts() {
    return engine.decide(nextLine(), now);
  }

  @Benchmark
  public Object plainJava() throws Exception {
    return reference.process(nextLine(), now);
  }
}
