package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.LineSplitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * The traffic of one pipeline run, parsed as the sidecar parses it: as fast as the pipeline takes
 * it, in chunks of lines as an NDJSON request brings them, or at a fixed rate, open loop, one event
 * at a time as invocations bring them. At a fixed rate each event is due at the first event's send
 * time plus its index over the rate, is sent no earlier, and its latency counts from when it was
 * due; a source that falls behind (a busy machine, a pipeline that pushes back) shows as latency,
 * not as a lower rate. Event time spans at least {@link #MIN_EVENT_TIME} so 1m and 5m windows, TTLs
 * and cooldowns slide within every run.
 */
final class OpenLoopSource {

  private static final String BLOCKING = "pekko.actor.default-blocking-io-dispatcher";

  /** Two of examples/auth's 5-minute windows and cooldowns. */
  static final Duration MIN_EVENT_TIME = Duration.ofMinutes(10);

  /** Lines per chunk of the sustained source, about what one read of an ingest request holds. */
  private static final int CHUNK_LINES = 64;

  private static final int MAX_LINE_BYTES = 64 * 1024;

  private final long count;
  private final int perSecond;
  private final long[] starts;
  private final Duration step;
  private final AtomicLong produced = new AtomicLong();
  private volatile long firstNanos;
  private volatile long lastNanos;

  /**
   * {@code count} events, at {@code perSecond} (0: as fast as taken); {@code timed} keeps each
   * event's start for {@link #latencyNanos}, 8 bytes an event.
   */
  OpenLoopSource(long count, int perSecond, boolean timed) {
    this.count = count;
    this.perSecond = perSecond;
    this.starts = timed ? new long[Math.toIntExact(count)] : null;
    this.step = AuthTraffic.stepSpanning(perSecond, count, MIN_EVENT_TIME);
  }

  /** The events as the sidecar hands them on: a chunk's lines together, or what is due together. */
  Source<List<Envelope>, NotUsed> source(
      String pipeline, StageCounters sidecar, ObjectMapper mapper) {
    AuthTraffic traffic = new AuthTraffic(42, 50_000, step);
    EventParser parser = new EventParser(mapper, MAX_LINE_BYTES);
    if (perSecond == 0) {
      long chunks = (count + CHUNK_LINES - 1) / CHUNK_LINES;
      return Source.range(0, Math.toIntExact(chunks) - 1)
          .map(chunk -> chunk(chunk * (long) CHUNK_LINES, traffic, parser, pipeline, sidecar));
    }
    // Its own thread, which waits for each event's due time: a timer-driven source (throttle)
    // releases on the scheduler's tick and drops what a late tick owed. What is due when it wakes
    // goes together, as a sidecar hands on the lines one read of a request holds: one event at a
    // time at low rates, a few at high ones, each still timed from when it was due.
    return Source.fromIterator(Paced::new)
        .withAttributes(ActorAttributes.dispatcher(BLOCKING))
        .async()
        .map(due -> paced(due, traffic, parser, pipeline, sidecar));
  }

  /** The events of {@code due} (from, to), parsed one by one and sent together. */
  private List<Envelope> paced(
      long[] due, AuthTraffic traffic, EventParser parser, String pipeline, StageCounters sidecar) {
    long now = System.nanoTime();
    List<Envelope> events = new ArrayList<>((int) (due[1] - due[0]));
    for (long i = due[0]; i < due[1]; i++) {
      EventParser.Parsed parsed =
          parser.parseOne(traffic.next(), pipeline, "bench", System.currentTimeMillis());
      events.add(sent(i, ((EventParser.Accepted) parsed).envelope(), due(i), now));
    }
    // Accepted as the ingest route counts it; the graph counts it forwarded as it hands it on.
    sidecar.accepted(events.size());
    return events;
  }

  /**
   * The next lines from {@code first} as one NDJSON chunk, parsed as the ingest route parses a
   * request's chunk, each event sent at once.
   */
  private List<Envelope> chunk(
      long first, AuthTraffic traffic, EventParser parser, String pipeline, StageCounters sidecar) {
    int lines = (int) Math.min(CHUNK_LINES, count - first);
    byte[][] sentLines = new byte[lines][];
    int length = 0;
    for (int k = 0; k < lines; k++) {
      sentLines[k] = traffic.next();
      length += sentLines[k].length + 1;
    }
    byte[] body = new byte[length];
    for (int k = 0, at = 0; k < lines; at += sentLines[k++].length + 1) {
      System.arraycopy(sentLines[k], 0, body, at, sentLines[k].length);
      body[at + sentLines[k].length] = '\n';
    }
    long now = System.nanoTime();
    if (first == 0) {
      firstNanos = now;
    }
    List<EventParser.Parsed> parsed =
        parser.parseLines(
            new LineSplitter(MAX_LINE_BYTES).feed(ByteString.fromArrayUnsafe(body)),
            pipeline,
            "bench",
            System.currentTimeMillis());
    sidecar.accepted(lines);
    List<Envelope> events = new ArrayList<>(lines);
    for (int k = 0; k < lines; k++) {
      events.add(sent(first + k, ((EventParser.Accepted) parsed.get(k)).envelope(), now, now));
    }
    return events;
  }

  /** Event {@code i}, sent {@code now} and timed from {@code start}, with an id that finds it. */
  private Envelope sent(long i, Envelope e, long start, long now) {
    if (starts != null) {
      starts[(int) i] = start;
    }
    lastNanos = now;
    produced.incrementAndGet();
    return new Envelope("e" + i, e.pipeline(), e.app(), e.receivedAtMillis(), e.body());
  }

  private long due(long index) {
    return firstNanos + (long) (index * 1e9 / perSecond);
  }

  /**
   * The event indexes as runs {from, to}: each run starts at its first event's due time (at once
   * when late: an open loop catches up instead of lowering the rate) and holds every event due by
   * then, at most {@link #CHUNK_LINES}.
   */
  private final class Paced implements Iterator<long[]> {

    private long next;

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public long[] next() {
      if (next == 0) {
        firstNanos = System.nanoTime();
      }
      long due = due(next);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      long now = System.nanoTime();
      long to = next + 1;
      while (to < count && to - next < CHUNK_LINES && due(to) <= now) {
        to++;
      }
      long[] run = {next, to};
      next = to;
      return run;
    }
  }

  /** From when the event with this id was due (or sent, if earlier) until now. */
  long latencyNanos(String eventId) {
    return System.nanoTime() - starts[Integer.parseInt(eventId, 1, eventId.length(), 10)];
  }

  long produced() {
    return produced.get();
  }

  /** The rate events were actually sent at. */
  double sentPerSecond() {
    long spanNanos = lastNanos - firstNanos;
    return spanNanos <= 0 ? 0 : (produced.get() - 1) * 1e9 / spanNanos;
  }

  /** The event time between the first event and the last. */
  Duration eventTimeSpan() {
    return step.multipliedBy(Math.max(0, count - 1));
  }
}
