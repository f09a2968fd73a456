package dev.ben.bench.dataplane;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Invocations at a fixed rate, open loop: request i is due at {@code start + i / rate} whether or
 * not earlier ones were answered, and its latency counts from then (not from when it was sent), so
 * a slow node shows as latency and not as a lower rate. HTTP goes over {@link #CONNECTIONS}
 * keep-alive connections, gRPC over one channel, opened before the clock starts; errors are counted
 * by kind (HTTP status with the node's reason, exception, or gRPC status code with its
 * description). One thread paces the requests and, for HTTP, also writes them and reads the answers
 * while it waits ({@link InvokeTransport#idle}).
 *
 * <p>{@code java ... InvokeLoad http|grpc HOST:PORT PIPELINE RATE SECONDS [WARMUP_SECONDS]}, with
 * the app's key in {@code BEN_APP_KEY} (never on the command line); HTTP targets the ingest port,
 * gRPC the control port. Prints one line: sent, errors, p50/p99/p999/max in milliseconds, and the
 * CPU this load client used per invocation (it shares the machine with the node), after a line for
 * the warm-up run when one was asked for.
 */
public final class InvokeLoad {

  /** Keep-alive connections the HTTP load holds, as a service's client pool would. */
  public static final int CONNECTIONS = 32;

  /** No answer for this long while requests wait is a stall (the node's normal p999 is ~60 ms). */
  static final Duration STALL = Duration.ofSeconds(1);

  /** What a run that does not look at the node does when it stalls. */
  public static final Runnable IGNORE_STALLS = () -> {};

  /** How long the run waits for the last answers after the last request was due. */
  private static final Duration DRAIN = Duration.ofSeconds(15);

  /** How often the drain looks whether the last answer came (answers are timed as they arrive). */
  private static final Duration DRAIN_STEP = Duration.ofMillis(10);

  public enum Transport {
    HTTP,
    GRPC
  }

  /** What a run measured; {@code unanswered} requests had no answer when the drain ended. */
  public record Result(
      Transport transport,
      int perSecond,
      long sent,
      Map<String, Long> errors,
      long unanswered,
      LatencyHistogram latency,
      long clientCpuNanos,
      long clientGcMillis) {

    public long failed() {
      return errors.values().stream().mapToLong(Long::longValue).sum() + unanswered;
    }

    public String line() {
      return String.format(
          Locale.ROOT,
          "invoke %s at %,d/s: %,d sent, %d failed%s, p50 %.2f ms, p99 %.2f ms, p999 %.2f ms,"
              + " max %.2f ms; load client CPU %.1f us per invocation, GC %d ms",
          transport.name().toLowerCase(Locale.ROOT),
          perSecond,
          sent,
          failed(),
          errors.isEmpty() && unanswered == 0
              ? ""
              : " " + errors + (unanswered > 0 ? " unanswered=" + unanswered : ""),
          latency.percentileMillis(50),
          latency.percentileMillis(99),
          latency.percentileMillis(99.9),
          latency.percentileMillis(100),
          sent == 0 ? 0.0 : clientCpuNanos / 1e3 / sent,
          clientGcMillis);
    }
  }

  private InvokeLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5 || args.length > 6) {
      System.err.println(
          "usage: InvokeLoad http|grpc HOST:PORT PIPELINE RATE SECONDS [WARMUP_SECONDS]");
      System.exit(2);
    }
    String key = System.getenv("BEN_APP_KEY");
    if (key == null || key.isBlank()) {
      System.err.println("set BEN_APP_KEY to the app's key");
      System.exit(2);
    }
    Transport transport = Transport.valueOf(args[0].toUpperCase(Locale.ROOT));
    if (args.length == 6) {
      System.out.println(
          "warm-up: "
              + run(
                      transport,
                      args[1],
                      key,
                      args[2],
                      Integer.parseInt(args[3]),
                      Duration.ofSeconds(Long.parseLong(args[5])),
                      IGNORE_STALLS)
                  .line());
    }
    Result result =
        run(
            transport,
            args[1],
            key,
            args[2],
            Integer.parseInt(args[3]),
            Duration.ofSeconds(Long.parseLong(args[4])),
            IGNORE_STALLS);
    System.out.println(result.line());
  }

  /**
   * Invokes {@code pipeline} at {@code target} (host:port) at the rate for the duration, calling
   * {@code onStall} (on a thread of its own, at most once) the first time no answer came for {@link
   * #STALL} while requests were waiting: the moment to look at the node.
   */
  public static Result run(
      Transport transport,
      String target,
      String key,
      String pipeline,
      int perSecond,
      Duration duration,
      Runnable onStall)
      throws Exception {
    InvokeTransport invokes = open(transport, target, key, pipeline);
    try {
      connect(invokes);
      return load(transport, invokes, perSecond, duration, onStall);
    } finally {
      invokes.stop();
    }
  }

  private static InvokeTransport open(
      Transport transport, String target, String key, String pipeline) throws IOException {
    int colon = target.lastIndexOf(':');
    String host = target.substring(0, colon);
    int port = Integer.parseInt(target.substring(colon + 1));
    return switch (transport) {
      case HTTP -> new HttpInvokes(host, port, key, pipeline, CONNECTIONS);
      case GRPC -> new GrpcInvokes(host, port, key, pipeline);
    };
  }

  /**
   * Opens the transport's connections before the clock starts, as a service's client pool holds
   * them: {@link #CONNECTIONS} invocations at once, answered before the first timed one is due. A
   * storm of new connections is a different load, and it would fill the first second of every run
   * (32 new connections cost the node about 3 ms each on two cores, docs/bench.md).
   */
  private static void connect(InvokeTransport invokes) throws InterruptedException {
    AuthTraffic traffic = new AuthTraffic(11, 50_000);
    CountDownLatch answered = new CountDownLatch(CONNECTIONS);
    for (int i = 0; i < CONNECTIONS; i++) {
      invokes.send(traffic.line(), error -> answered.countDown());
    }
    awaitAnswers(invokes, answered);
  }

  private static Result load(
      Transport transport,
      InvokeTransport invokes,
      int perSecond,
      Duration duration,
      Runnable onStall)
      throws InterruptedException {
    AuthTraffic traffic = new AuthTraffic(7, 50_000, AuthTraffic.stepAt(perSecond));
    LatencyHistogram latency = new LatencyHistogram();
    Map<String, Long> errors = new ConcurrentHashMap<>();
    long total = perSecond * duration.toSeconds();
    CountDownLatch answered = new CountDownLatch((int) total);
    AtomicLong sent = new AtomicLong();
    long cpuBefore = processCpuNanos();
    long gcBefore = gcMillis();
    double interval = 1e9 / perSecond;
    long start = System.nanoTime();
    AtomicLong lastAnswer = new AtomicLong(start);
    boolean stallSeen = false;
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * interval);
      long wait;
      do {
        wait = due - System.nanoTime();
        invokes.idle(Math.max(0, wait));
      } while (wait > 0);
      if (!stallSeen
          && due - lastAnswer.get() > STALL.toNanos()
          && answered.getCount() > total - i) {
        stallSeen = true;
        Thread watch = new Thread(onStall, "invoke-stall");
        watch.setDaemon(true);
        watch.start();
      }
      sent.incrementAndGet();
      invokes.send(
          traffic.line(),
          error -> {
            long now = System.nanoTime();
            lastAnswer.set(now);
            latency.recordNanos(now - due);
            if (error != null) {
              errors.merge(error, 1L, Long::sum);
            }
            answered.countDown();
          });
    }
    awaitAnswers(invokes, answered);
    return new Result(
        transport,
        perSecond,
        sent.get(),
        new TreeMap<>(errors),
        answered.getCount(),
        latency,
        processCpuNanos() - cpuBefore,
        gcMillis() - gcBefore);
  }

  /** Takes answers until every request has one or the drain time passed. */
  private static void awaitAnswers(InvokeTransport invokes, CountDownLatch answered) {
    long end = System.nanoTime() + DRAIN.toNanos();
    for (long left = DRAIN.toNanos(); answered.getCount() > 0 && left > 0; ) {
      invokes.idle(Math.min(left, DRAIN_STEP.toNanos()));
      left = end - System.nanoTime();
    }
  }

  /**
   * Time this process's collectors reported so far: a load that paused for a collection would look
   * like a node that stopped answering.
   */
  private static long gcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, collector.getCollectionTime());
    }
    return millis;
  }

  /** CPU this process used so far, all threads, so the load's own cost shows beside the node's. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }
}
