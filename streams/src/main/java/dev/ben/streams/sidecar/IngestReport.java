package dev.ben.streams.sidecar;

import java.util.List;

/**
 * What happened to one ingest request: how many events entered the pipeline, which lines were
 * refused and why, and whether the pipeline was too full to take the rest: then {@code
 * resumeFromLine} names the first line that was not read (and so neither accepted nor refused),
 * from which the client resends. It is 0 when the request was read to the end.
 */
public record IngestReport(
    long accepted, long refused, List<EventParser.Refused> refusals, long resumeFromLine) {

  /** Refusals listed in a response at most; the count stays exact. */
  public static final int MAX_LISTED_REFUSALS = 100;

  public IngestReport {
    refusals = List.copyOf(refusals);
  }

  public boolean overloaded() {
    return resumeFromLine > 0;
  }
}
