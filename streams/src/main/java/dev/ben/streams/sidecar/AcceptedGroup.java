package dev.ben.streams.sidecar;

import dev.ben.streams.flow.Envelope;
import dev.ben.streams.wal.SentBytes;
import java.util.ArrayList;
import java.util.List;

/** Accepted events logged together, each beside the bytes its body was read from. */
final class AcceptedGroup {

  private final List<Envelope> events = new ArrayList<>();
  private final List<SentBytes> sent = new ArrayList<>();

  AcceptedGroup(EventParser.Accepted first) {
    add(first);
  }

  AcceptedGroup add(EventParser.Accepted next) {
    events.add(next.envelope());
    sent.add(next.sent());
    return this;
  }

  List<Envelope> events() {
    return events;
  }

  List<SentBytes> sent() {
    return sent;
  }
}
