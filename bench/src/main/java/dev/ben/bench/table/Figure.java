package dev.ben.bench.table;

/**
 * Every figure of the performance targets (issue 14's table, this 2-core machine), in the order the
 * table prints them: what it measures, the section file under {@code target/bench/} that carries
 * it, its target, and the reference it is measured beside, if any. The one place targets live.
 */
public enum Figure {
  ENGINE_ONE_THREAD(
      "engine.json",
      "engine alone, examples/auth with detectors, 1 thread",
      Target.atLeast(400_000, "events/s"),
      "plain Java loop, same work"),
  PIPELINE_SUSTAINED(
      "pipeline.json",
      "in-process pipeline, all cores, lossless",
      Target.atLeast(350_000, "events/s").withoutFailures(),
      null),
  PIPELINE_LATENCY_HALF(
      "pipeline.json",
      "pipeline latency, open loop at half the sustained rate",
      Target.atMost(10, "ms"),
      null),
  PIPELINE_LATENCY_HIGH(
      "pipeline.json",
      "pipeline latency, open loop at 0.8 the sustained rate",
      Target.reported("ms"),
      null),
  HTTP_INGEST(
      "ingest.json", "HTTP NDJSON ingest, durable acks", Target.atLeast(150_000, "events/s"), null),
  INVOKE_HTTP_2K(
      "invoke.json",
      "invocation over HTTP, open loop 2,000/s",
      Target.atMost(5, "ms").withoutFailures(),
      null),
  INVOKE_GRPC_2K(
      "invoke.json",
      "invocation over gRPC, open loop 2,000/s",
      Target.atMost(5, "ms").withoutFailures(),
      null),
  INVOKE_HTTP_10K(
      "invoke.json",
      "invocation over HTTP, open loop 10,000/s",
      Target.atMost(10, "ms").withoutFailures(),
      null),
  INVOKE_GRPC_10K(
      "invoke.json",
      "invocation over gRPC, open loop 10,000/s",
      Target.atMost(10, "ms").withoutFailures(),
      null),
  CLICKHOUSE_SINK(
      "sink.json",
      "ClickHouse sink",
      Target.atLeast(300_000, "rows/s").andShareOfReference(0.8),
      "clickhouse-client inserting the same rows"),
  EMBEDDED_STORE("sink.json", "embedded store (DuckDB)", Target.atLeast(200_000, "rows/s"), null),
  HEAP_FULL_RATE(
      "pipeline.json",
      "heap at full rate, most kept after a collection",
      Target.atMost(1024, "MiB"),
      null),
  HEAP_OVERLOAD(
      "pipeline.json",
      "heap under overload (shedding), most kept after a collection",
      Target.atMost(1024, "MiB").withoutFailures(),
      null);

  private final String file;
  private final String title;
  private final Target target;
  private final String reference;

  Figure(String file, String title, Target target, String reference) {
    this.file = file;
    this.title = title;
    this.target = target;
    this.reference = reference;
  }

  /** The section file, under {@code target/bench/}, whose {@code figures} carry this figure. */
  public String file() {
    return file;
  }

  public String title() {
    return title;
  }

  public Target target() {
    return target;
  }

  /** What the figure is measured beside in the same run, or null. */
  public String reference() {
    return reference;
  }
}
