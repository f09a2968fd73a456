package dev.ben.bench.dataplane;

import dev.ben.bench.dataplane.InvokeLoad.Transport;
import dev.ben.bench.table.Figure;
import dev.ben.bench.table.Measured;
import dev.ben.bench.table.Section;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures measured against a running node: invocations open loop at 2,000/s and 10,000/s over
 * HTTP (32 keep-alive connections) and gRPC (one channel to the control port), each request's
 * latency counted from when it was due ({@link InvokeLoad}); then HTTP NDJSON ingest (after the
 * invocations, which want a pipeline with nothing queued; ingest fills its buffers).
 */
final class HttpSection {

  /** The first measured rate, invocations a second; the paths also warm up at it. */
  private static final int LOW_RATE = 2_000;

  private HttpSection() {}

  /**
   * The sections {@code invoke.json} and {@code ingest.json}.
   *
   * @param ingestAddress the node's ingest address (host:port)
   * @param control the node's control address (host:port), which serves gRPC invocations
   * @param node the node's process, to say what each invocation cost it, when known
   * @param threads where the node's threads are written if it stops answering, when known
   */
  static List<Section> run(
      HttpLoad http,
      String ingestAddress,
      String control,
      String key,
      Optional<NodeCost> node,
      Optional<NodeThreads> threads,
      boolean quick)
      throws Exception {
    Duration duration = Duration.ofSeconds(quick ? 5 : 20);
    Section invoke = new Section(Figure.INVOKE_HTTP_2K.file());
    Node process = new Node(node, threads);
    // Warms up both paths (JIT, connections, the pipeline's shards) without measuring, at the rate
    // measured first, until the node's compiler is mostly done with them: after 10 s it still
    // compiled 1,194 methods (3.8 s of CPU) in the next 20 s, whose p99 was 46.6 ms, and 307 in the
    // fourth 20 s, at p99 4.29 ms (docs/bench.md).
    Duration invokeWarmUp = Duration.ofSeconds(quick ? 3 : 30);
    InvokeLoad.run(
        Transport.HTTP,
        ingestAddress,
        key,
        "auth",
        LOW_RATE,
        invokeWarmUp,
        InvokeLoad.IGNORE_STALLS);
    InvokeLoad.run(
        Transport.GRPC, control, key, "auth", LOW_RATE, invokeWarmUp, InvokeLoad.IGNORE_STALLS);
    invokes(
        invoke,
        Transport.HTTP,
        ingestAddress,
        key,
        process,
        duration,
        Figure.INVOKE_HTTP_2K,
        Figure.INVOKE_HTTP_10K);
    invokes(
        invoke,
        Transport.GRPC,
        control,
        key,
        process,
        duration,
        Figure.INVOKE_GRPC_2K,
        Figure.INVOKE_GRPC_10K);

    Section ingest = new Section(Figure.HTTP_INGEST.file());
    // Warms up the NDJSON path (its parser and ingest log, which invocations do not take) without
    // measuring: a fresh node's first 10 s of ingest ran at half its rate 30 s later.
    Duration warmUp = Duration.ofSeconds(quick ? 3 : 10);
    http.ingest(warmUp, 4, 1_000);
    HttpLoad.Ingest load = http.ingest(duration, 4, 1_000);
    ingest.put(
        Figure.HTTP_INGEST,
        Measured.of(load.eventsPerSecond())
            .note(
                String.format(
                    Locale.ROOT,
                    "%d clients, 1,000 lines a request, %.1f s after %d s unmeasured; %,d"
                        + " accepted, %,d refused, %,d answers saturated (503)",
                    load.clients(),
                    load.seconds(),
                    warmUp.toSeconds(),
                    load.accepted(),
                    load.refused(),
                    load.saturated())));
    return List.of(invoke, ingest);
  }

  /** What the bench knows of the node's process: its cost, and where its threads go. */
  private record Node(Optional<NodeCost> cost, Optional<NodeThreads> threads) {}

  /** 2,000/s, then 10,000/s unless more than a tenth already failed at 2,000/s. */
  private static void invokes(
      Section section,
      Transport transport,
      String target,
      String key,
      Node node,
      Duration duration,
      Figure low,
      Figure high)
      throws Exception {
    InvokeLoad.Result atLow =
        measure(section, low, transport, target, key, node, LOW_RATE, duration);
    if (atLow.failed() * 10 > atLow.sent()) {
      section.put(
          high,
          Measured.notRun(
              String.format(
                  Locale.ROOT,
                  "at 2,000/s %.0f%% already failed; 10,000/s would measure only refusals and"
                      + " timeouts",
                  100.0 * atLow.failed() / atLow.sent())));
      return;
    }
    measure(section, high, transport, target, key, node, 10_000, duration);
  }

  /** One rate's run, its line in the details and its figure, with what it cost the node. */
  private static InvokeLoad.Result measure(
      Section section,
      Figure figure,
      Transport transport,
      String target,
      String key,
      Node node,
      int perSecond,
      Duration duration)
      throws Exception {
    Optional<NodeCost> costs = node.cost();
    Optional<NodeCost.Sample> before =
        costs.isPresent() ? Optional.of(costs.get().sample()) : Optional.empty();
    String name = figure.name().toLowerCase(Locale.ROOT);
    InvokeLoad.Result run =
        InvokeLoad.run(
            transport,
            target,
            key,
            "auth",
            perSecond,
            duration,
            node.threads().map(threads -> threads.dumpTo(name)).orElse(InvokeLoad.IGNORE_STALLS));
    String cost =
        before.isPresent()
            ? NodeCost.perRequest(before.get(), costs.get().sample(), run.sent())
            : "";
    section.detail(run.line() + cost);
    node.threads()
        .filter(threads -> Files.exists(threads.file(name)))
        .ifPresent(
            threads ->
                section.detail(
                    "  the node answered nothing for over "
                        + InvokeLoad.STALL.toSeconds()
                        + " s during this run; its threads at that moment: "
                        + threads.file(name)
                        + ", the load's: "
                        + threads.loadFile(name)));
    section.put(figure, measured(run, cost));
    return run;
  }

  private static Measured measured(InvokeLoad.Result run, String cost) {
    LatencyHistogram latency = run.latency();
    return Measured.of(latency.percentileMillis(99))
        .failures(run.failed())
        .text(
            String.format(
                Locale.ROOT,
                "p50 %.2f / p99 %.2f / p999 %.2f ms",
                latency.percentileMillis(50),
                latency.percentileMillis(99),
                latency.percentileMillis(99.9)))
        .note(
            String.format(
                    Locale.ROOT,
                    "%,d sent, %,d failed%s; open loop, %s",
                    run.sent(),
                    run.failed(),
                    run.errors().isEmpty() ? "" : " " + run.errors(),
                    run.transport() == Transport.HTTP
                        ? InvokeLoad.CONNECTIONS + " keep-alive connections"
                        : "one gRPC channel")
                + cost);
  }
}
