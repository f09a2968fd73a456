package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bench.dataplane.PipelineRun.Load;
import dev.ben.bench.dataplane.PipelineRun.Result;
import dev.ben.bench.table.Figure;
import dev.ben.bench.table.Measured;
import dev.ben.bench.table.Section;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.spine.ContractSlot;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The in-process pipeline's figures, measured in order because each rate derives from the first:
 * the sustained lossless rate on all cores, then latency open loop at half and at 0.8 of it with
 * the contract's overload policy, then the source flat out, faster than the rest takes, so the
 * proxy must shed while the heap stays bounded and every event is counted.
 */
final class PipelineSection {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineSection() {}

  static Section run(PipelineRun pipeline, boolean quick) throws InterruptedException {
    Section section = new Section(Figure.PIPELINE_SUSTAINED.file());
    int seconds = quick ? 5 : 20;
    pipeline.run(Load.sustained("warm-up", quick ? 50_000 : 300_000), none());
    Result sustained =
        add(
            section,
            pipeline.run(
                Load.sustained("full speed, lossless", quick ? 200_000 : 2_000_000), none()));
    // -Dben.bench.pipeline-rate fixes the rate the latency runs derive from, so two builds can be
    // compared at the same rates (docs/bench.md, Comparing two commits).
    int rate =
        Integer.getInteger(
            "ben.bench.pipeline-rate",
            Math.max(1_000, (int) (sustained.eventsPerSecond() / 1_000) * 1_000));
    Result half =
        add(
            section,
            pipeline.run(Load.atRate("half the sustained rate", rate / 2, seconds), none()));
    Result high =
        add(
            section,
            pipeline.run(Load.atRate("0.8 the sustained rate", rate / 10 * 8, seconds), none()));
    Result overload =
        add(
            section,
            pipeline.run(
                Load.overload("overload, source flat out", quick ? 300_000 : 3_000_000), none()));

    section.put(
        Figure.PIPELINE_SUSTAINED,
        Measured.of(sustained.eventsPerSecond())
            .failures(sustained.unaccounted() + sustained.shed())
            .note(
                String.format(
                    Locale.ROOT,
                    "%,d events in %.1f s on %d cores; %,d without a final outcome, %,d shed",
                    sustained.load().count(),
                    sustained.seconds(),
                    Runtime.getRuntime().availableProcessors(),
                    sustained.unaccounted(),
                    sustained.shed())));
    section.put(Figure.PIPELINE_LATENCY_HALF, latency(half));
    section.put(Figure.PIPELINE_LATENCY_HIGH, latency(high));
    section.put(Figure.HEAP_FULL_RATE, Measured.of(sustained.maxHeapBytes() / (double) (1 << 20)));
    String shedding =
        overload.shed() == 0
            ? "nothing shed: the source did not send faster than the pipeline takes"
            : String.format(Locale.ROOT, "the proxy shed %,d", overload.shed());
    section.put(
        Figure.HEAP_OVERLOAD,
        Measured.of(overload.maxHeapBytes() / (double) (1 << 20))
            .failures(overload.unaccounted())
            .note(
                String.format(
                    Locale.ROOT,
                    "%,d sent at %,.0f/s (%.1fx the sustained rate); %s; %,d without a final outcome",
                    overload.load().count(),
                    overload.sentPerSecond(),
                    overload.sentPerSecond() / sustained.eventsPerSecond(),
                    shedding,
                    overload.unaccounted())));
    return section;
  }

  /** The store stage's writer for every run here: discards, so the figures are the pipeline's. */
  private static Function<ContractSlot, BatchWriter> none() {
    return slot -> batch -> {};
  }

  private static Measured latency(Result run) {
    LatencyHistogram latency = run.latency();
    return Measured.of(latency.percentileMillis(99))
        .text(
            String.format(
                Locale.ROOT,
                "p50 %.2f / p99 %.2f / p999 %.2f ms at %,d/s",
                latency.percentileMillis(50),
                latency.percentileMillis(99),
                latency.percentileMillis(99.9),
                run.load().perSecond()))
        .note(
            String.format(
                Locale.ROOT,
                "sent at %,.0f/s; %,d shed by the contract's overload policy",
                run.sentPerSecond(),
                run.shed()));
  }

  /** Adds the run's detail lines and raw figures to the section. */
  private static Result add(Section section, Result run) {
    LatencyHistogram latency = run.latency();
    section.detail(
        String.format(
            Locale.ROOT,
            "%-26s %,9.0f events/s (sent %,9.0f/s)  p50 %7.2f  p99 %7.2f  p999 %7.2f ms  "
                + "heap after GC %4d MiB (in use %4d)  firings %,d  event time %.1f min",
            run.name(),
            run.eventsPerSecond(),
            run.sentPerSecond(),
            latency.percentileMillis(50),
            latency.percentileMillis(99),
            latency.percentileMillis(99.9),
            run.maxHeapBytes() >> 20,
            run.maxHeapInUseBytes() >> 20,
            run.firings(),
            run.eventTime().toMillis() / 60_000.0));
    CpuWatch.Use cpu = run.cpu();
    long events = run.stages().get("sidecar").get("accepted");
    StringBuilder groups = new StringBuilder();
    cpu.byGroupNanos().entrySet().stream()
        .limit(6)
        .forEach(
            group ->
                groups.append(
                    String.format(
                        Locale.ROOT,
                        "  %s %.2f",
                        group.getKey(),
                        cpu.microsPerEvent(group.getValue(), events))));
    section.detail(
        String.format(
            Locale.ROOT,
            "    cpu %.2f us/event, busiest thread (%s) %.2f us/event; by thread:%s",
            cpu.microsPerEvent(cpu.totalNanos(), events),
            cpu.busiest(),
            cpu.microsPerEvent(cpu.busiestNanos(), events),
            groups));
    run.stages()
        .forEach(
            (stage, counts) ->
                section.detail(
                    "    " + String.format(Locale.ROOT, "%-9s", stage) + counts(counts)));
    section.raw(
        run.name(),
        JSON.createObjectNode()
            .put("events", run.load().count())
            .put("per_second_asked", run.load().perSecond())
            .put("lossless", run.load().lossless())
            .put("seconds", run.seconds())
            .put("sent_per_second", run.sentPerSecond())
            .put("events_per_second", run.eventsPerSecond())
            .put("event_time_seconds", run.eventTime().toSeconds())
            .put("p50_ms", latency.percentileMillis(50))
            .put("p99_ms", latency.percentileMillis(99))
            .put("p999_ms", latency.percentileMillis(99.9))
            .put("max_heap_bytes", run.maxHeapBytes())
            .put("max_heap_in_use_bytes", run.maxHeapInUseBytes())
            .put("playbook_firings", run.firings())
            .put("unaccounted", run.unaccounted())
            .put("cpu_us_per_event", cpu.microsPerEvent(cpu.totalNanos(), events))
            .put("busiest_thread_us_per_event", cpu.microsPerEvent(cpu.busiestNanos(), events))
            .set("stages", JSON.valueToTree(run.stages())));
    return run;
  }

  private static String counts(Map<String, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (outcome, value) -> {
          if (value > 0) {
            text.append(String.format(Locale.ROOT, " %s %,d", outcome, value));
          }
        });
    return text.toString();
  }
}
