package dev.ben.bench;

import dev.ben.contracts.engine.SpineEvaluator;
import dev.ben.contracts.engine.bitspec.BitspecEngine;
import dev.ben.contracts.engine.bitspec.BitspecState;
import dev.ben.contracts.event.Event;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time per event of the spine. {@code spine} copies the event (redaction works in place, and a
 * spine receives a fresh event each time), evaluates and redacts; {@code bitspecOnly} evaluates
 * predicates, thresholds and rules without copying or redacting. {@code ruleCopies=2} doubles the
 * rules over the same predicates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpineBenchmark {

  @Param({"1", "2"})
  public int ruleCopies;

  private Event[] events;
  private SpineEvaluator spine;
  private BitspecEngine bitspec;
  private BitspecState state;
  private int next;

  @Setup
  public void setUp() {
    events = SpinePolicy.events(256);
    var pack = SpinePolicy.pack(ruleCopies);
    spine =
        new SpineEvaluator(
            SpinePolicy.SCHEMA,
            List.of(pack),
            SpinePolicy.LISTS,
            "bench-key".getBytes(StandardCharsets.UTF_8));
    bitspec = new BitspecEngine(pack, SpinePolicy.SCHEMA, SpinePolicy.LISTS);
    state = bitspec.newState();
  }

  private Event nextEvent() {
    next = (next + 1) & 255;
    return events[next];
  }

  @Benchmark
  public Object spine() {
    Event event = nextEvent().copy();
    spine.evaluate(event);
    return spine.action();
  }

  @Benchmark
  public int bitspecOnly() {
    bitspec.evaluate(nextEvent(), state);
    return state.winningRule();
  }
}
