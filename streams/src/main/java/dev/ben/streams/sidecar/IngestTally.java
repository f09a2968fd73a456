package dev.ben.streams.sidecar;

import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.wal.IngestLog;
import dev.ben.streams.wal.WalRefusedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * What one ingest request accumulates: lines refused and accepted, the lines parsed but not yet
 * accepted (the first of them is where a client resends from), and the events the log holds that
 * the pipeline has not taken yet. When the request stops before the pipeline takes those, the log
 * forgets them: the client resends them, so they must not also be replayed. Only the logged events
 * are shared with the log's completions (another thread); the rest is the request's own fused
 * stream's.
 */
final class IngestTally {

  private final StageCounters counters;
  private final IngestLog log;
  private final List<EventParser.Refused> listed = new ArrayList<>();
  private final ArrayDeque<Long> waiting = new ArrayDeque<>();
  private final ArrayDeque<Envelope> logged = new ArrayDeque<>();
  private long[] sequences = new long[0];
  private long accepted;
  private long refused;
  private long lastLine;
  private boolean overloaded;
  private boolean ended;
  private Throwable readFailure;

  IngestTally(StageCounters counters, IngestLog log) {
    this.counters = counters;
    this.log = log;
  }

  boolean keep(EventParser.Parsed parsed) {
    lastLine = parsed.line();
    if (parsed instanceof EventParser.Refused refusal) {
      refused++;
      counters.count(Outcome.REFUSED, refusal.reason());
      if (listed.size() < IngestReport.MAX_LISTED_REFUSALS) {
        listed.add(refusal);
      }
      return false;
    }
    if (parsed instanceof EventParser.Accepted) {
      waiting.addLast(parsed.line());
      return true;
    }
    return false;
  }

  /** A group the log now holds; forgotten at once if the request already ended. */
  synchronized List<Envelope> logged(List<Envelope> group) {
    if (ended) {
      log.forget(group);
    } else {
      logged.addAll(group);
    }
    return group;
  }

  /** A batch the pipeline took, in one step: counted accepted once, each event kept track of. */
  List<Envelope> accept(List<Envelope> batch) {
    synchronized (this) {
      for (int i = 0; i < batch.size(); i++) {
        logged.pollFirst();
      }
    }
    for (Envelope envelope : batch) {
      waiting.pollFirst();
      if (log.awaitsOutcomes()) {
        if (accepted == sequences.length) {
          sequences = Arrays.copyOf(sequences, Math.max(16, sequences.length * 2));
        }
        sequences[(int) accepted] = envelope.walSequence();
      }
      accepted++;
    }
    counters.accepted(batch.size());
    return batch;
  }

  /** The pipeline had no room in time: the rest of the request is not read. */
  <T> Source<T, NotUsed> overloaded() {
    overloaded = true;
    return Source.empty();
  }

  /** The log took no more: counted under its reason, and the client resends from the first. */
  <T> Source<T, NotUsed> refusedByLog(WalRefusedException refusal) {
    counters.count(Outcome.REFUSED, refusal.reason(), refusal.events());
    return overloaded();
  }

  /**
   * The body could not be read to its end: kept for the report, and the request's stream completes
   * normally (true), so what was counted accepted is handed over.
   */
  boolean readFailed(Throwable failure) {
    readFailure = failure;
    return true;
  }

  /** The log positions of the accepted events, kept only when their outcomes are awaited. */
  long[] sequences() {
    return Arrays.copyOf(sequences, log.awaitsOutcomes() ? (int) accepted : 0);
  }

  IngestReport report(Throwable failure) {
    synchronized (this) {
      ended = true;
      log.forget(List.copyOf(logged));
      logged.clear();
    }
    if (failure != null) {
      throw new NdjsonIngest.IngestFailedException(
          failure instanceof CompletionException ? failure.getCause() : failure);
    }
    // Parsed events that never entered the pipeline are waiting in a stage buffer; the client
    // resends from the first of them, or from the first line not parsed at all.
    long resumeFrom = waiting.isEmpty() ? lastLine + 1 : waiting.peekFirst();
    boolean endedEarly = overloaded || readFailure != null;
    return new IngestReport(accepted, refused, listed, endedEarly ? resumeFrom : 0, 0, readFailure);
  }
}
