package dev.ben.streams.sidecar;

import java.util.List;

/**
 * What happened to one ingest request: how many events entered the pipeline, which lines were
 * refused and why, and whether the request ended early. It ends early when the pipeline was too
 * full to take the rest ({@link #overloaded()}), or when the body could not be read to its end
 * ({@link #cutShort()}: the client went away, a transport error, the size limit): then {@code
 * resumeFromLine} names the first line neither accepted nor refused, from which the client resends.
 * It is 0 when the request was read to the end.
 *
 * @param unconfirmed accepted events whose final outcome was awaited ({@code ben.ingest.ack =
 *     stored}) but not reached in time; they are durable and go on
 * @param readFailure why the body could not be read to its end; null when it was
 */
public record IngestReport(
    long accepted,
    long refused,
    List<EventParser.Refused> refusals,
    long resumeFromLine,
    long unconfirmed,
    Throwable readFailure) {

  /** Refusals listed in a response at most; the count stays exact. */
  public static final int MAX_LISTED_REFUSALS = 100;

  public IngestReport {
    refusals = List.copyOf(refusals);
  }

  /** A request whose body was read to its end, or that stopped only because of the pipeline. */
  public IngestReport(
      long accepted, long refused, List<EventParser.Refused> refusals, long resumeFromLine) {
    this(accepted, refused, refusals, resumeFromLine, 0, null);
  }

  /** The same report, once {@code confirmed} of its accepted events reached their outcome. */
  public IngestReport confirmed(long confirmed) {
    return new IngestReport(
        accepted,
        refused,
        refusals,
        resumeFromLine,
        Math.max(0, accepted - confirmed),
        readFailure);
  }

  public boolean overloaded() {
    return resumeFromLine > 0 && readFailure == null;
  }

  public boolean cutShort() {
    return readFailure != null;
  }
}
