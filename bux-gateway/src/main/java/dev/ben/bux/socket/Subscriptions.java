package dev.ben.bux.socket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subscriptions one socket holds, by the client's id, at most {@code max} at once. Thread-safe:
 * the socket adds and removes them as frames arrive and closes them all when it ends.
 *
 * @param <T> what stops a subscription
 */
final class Subscriptions<T> {

  private final int max;
  private final Map<String, T> open = new LinkedHashMap<>();
  private boolean closed;

  Subscriptions(int max) {
    this.max = max;
  }

  /** Refuses a second subscription with the same id, or one beyond the limit. */
  synchronized void check(String sub) {
    if (open.containsKey(sub)) {
      throw FrameRefusedException.aboutSub(
          sub,
          "subscription " + sub + " is already open; unsubscribe it first or choose another id");
    }
    if (open.size() >= max) {
      throw FrameRefusedException.aboutSub(
          sub,
          "this socket already holds "
              + max
              + " subscriptions, the most it may (ben.gateway.socket.max-subscriptions);"
              + " unsubscribe one first");
    }
  }

  /** Records the subscription; false when the socket has closed meanwhile (the caller stops it). */
  synchronized boolean add(String sub, T stopper) {
    check(sub);
    if (closed) {
      return false;
    }
    open.put(sub, stopper);
    return true;
  }

  synchronized Optional<T> remove(String sub) {
    return Optional.ofNullable(open.remove(sub));
  }

  /** Every open subscription's stopper, once; later adds are refused. */
  synchronized List<T> close() {
    closed = true;
    List<T> all = new ArrayList<>(open.values());
    open.clear();
    return all;
  }
}
