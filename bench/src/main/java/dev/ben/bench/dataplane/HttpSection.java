package dev.ben.bench.dataplane;

import dev.ben.bench.table.Figure;
import dev.ben.bench.table.Measured;
import dev.ben.bench.table.Section;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The figures measured against a running node: the invocation API open loop at 2,000/s and
 * 10,000/s, then HTTP NDJSON ingest (after the invocations, which want a pipeline with nothing
 * queued; ingest fills its buffers). gRPC invocations have no load generator here yet, so their
 * rows say so.
 */
final class HttpSection {

  /** Why the gRPC rows are empty until a gRPC load generator is wired in. */
  static final String NO_GRPC_LOAD =
      "no gRPC invocation load in the bench yet (InvokeLoad, task \"invoke\")";

  private HttpSection() {}

  /** The sections {@code invoke.json} and {@code ingest.json}. */
  static List<Section> run(HttpLoad http, boolean quick) throws Exception {
    Duration duration = Duration.ofSeconds(quick ? 5 : 20);
    Section invoke = new Section(Figure.INVOKE_HTTP_2K.file());
    http.invoke(500, Duration.ofSeconds(3));
    HttpLoad.Invoke low = add(invoke, http.invoke(2_000, duration));
    invoke.put(Figure.INVOKE_HTTP_2K, measured(low));
    if (low.failed() * 10 > low.sent()) {
      invoke.put(
          Figure.INVOKE_HTTP_10K,
          Measured.notRun(
              String.format(
                  Locale.ROOT,
                  "at 2,000/s %.0f%% already failed; 10,000/s would measure only refusals and"
                      + " timeouts",
                  100.0 * low.failed() / low.sent())));
    } else {
      invoke.put(Figure.INVOKE_HTTP_10K, measured(add(invoke, http.invoke(10_000, duration))));
    }
    invoke.put(Figure.INVOKE_GRPC_2K, Measured.notRun(NO_GRPC_LOAD));
    invoke.put(Figure.INVOKE_GRPC_10K, Measured.notRun(NO_GRPC_LOAD));

    Section ingest = new Section(Figure.HTTP_INGEST.file());
    HttpLoad.Ingest load = http.ingest(duration, 4, 1_000);
    ingest.put(
        Figure.HTTP_INGEST,
        Measured.of(load.eventsPerSecond())
            .note(
                String.format(
                    Locale.ROOT,
                    "%d clients, 1,000 lines a request, %.1f s; %,d accepted, %,d refused",
                    load.clients(),
                    load.seconds(),
                    load.accepted(),
                    load.refused())));
    return List.of(invoke, ingest);
  }

  private static Measured measured(HttpLoad.Invoke run) {
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
                "%,d sent, %,d failed%s; JDK HttpClient, its own connections (not 32 fixed)",
                run.sent(),
                run.failed(),
                run.failures().isEmpty() ? "" : " " + run.failures()));
  }

  private static HttpLoad.Invoke add(Section section, HttpLoad.Invoke run) {
    LatencyHistogram latency = run.latency();
    section.detail(
        String.format(
            Locale.ROOT,
            "HTTP invocation at %,d/s: %,d sent, %,d failed, p50 %.2f ms, p99 %.2f ms, "
                + "p999 %.2f ms%s",
            run.perSecond(),
            run.sent(),
            run.failed(),
            latency.percentileMillis(50),
            latency.percentileMillis(99),
            latency.percentileMillis(99.9),
            run.failures().isEmpty() ? "" : "; failures " + run.failures()));
    return run;
  }
}
