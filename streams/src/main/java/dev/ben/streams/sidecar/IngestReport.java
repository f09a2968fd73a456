package dev.ben.streams.sidecar;

import java.util.List;

/**
 * What happened to one ingest request: how many events entered the pipeline, which lines were
 * refused and why, and whether the pipeline was too full to take the rest: then {@code
 * resumeFromLine} names the first line that was not read (and so neither accepted nor refused),
 * from which the client resends. It is 0 when the request was read to the end. {@code unconfirmed}
 * counts accepted events whose final outcome was awaited ({@code ben.ingest.ack = stored}) but not
 * reached in time; they are durable and go on.
 */
public record IngestReport(
    long accepted,
    long refused,
    List<EventParser.Refused> refusals,
    long resumeFromLine,
    long unconfirmed) {

  public IngestReport(
      long accepted, long refused, List<EventParser.Refused> refusals, long resumeFromLine) {
    this(accepted, refused, refusals, resumeFromLine, 0);
  }

  /** The same report, once {@code confirmed} of its accepted events reached their outcome. */
  public IngestReport confirmed(long confirmed) {
    return new IngestReport(
        accepted, refused, refusals, resumeFromLine, Math.max(0, accepted - confirmed));
  }

  /** Refusals listed in a response at most; the count stays exact. */
  public static final int MAX_LISTED_REFUSALS = 100;

  public IngestReport {
    refusals = List.copyOf(refusals);
  }

  public boolean overloaded() {
    return resumeFromLine > 0;
  }
}
