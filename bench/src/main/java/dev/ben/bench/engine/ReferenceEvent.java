package dev.ben.bench.engine;

/** One login event of the reference loop, reused from event to event. */
final class ReferenceEvent {

  long ts;
  String tenant;
  String user;
  String ip;
  long ipv4;
  String country;
  long attempts;
  String card;
  String email;
  String attachment;

  void clear() {
    ts = Long.MIN_VALUE;
    tenant = null;
    user = null;
    ip = null;
    ipv4 = -1;
    country = null;
    attempts = 0;
    card = null;
    email = null;
    attachment = null;
  }
}
