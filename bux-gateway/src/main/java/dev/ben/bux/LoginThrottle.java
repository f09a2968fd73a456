package dev.ben.bux;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing from one client address: after {@code allowed} logins within the window
 * that did not succeed, the address's logins are refused, without checking the password, until its
 * oldest attempt in the window has aged out. An attempt counts from the moment its check starts, so
 * a burst of parallel guesses is held to the same number; a login that succeeds forgets the
 * address's attempts.
 */
final class LoginThrottle {

  /** Addresses remembered at most; beyond, the one whose last failure is oldest is forgotten. */
  static final int MAX_ADDRESSES = 10_000;

  private final int allowed;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  LoginThrottle(int allowed, Duration window, Clock clock) {
    this.allowed = allowed;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Admits a login from the address, counting it as an attempt from now on, or says how long the
   * address must wait first. One call both checks and counts, so parallel logins from one address
   * cannot all pass the check before any of them is counted.
   */
  synchronized Optional<Duration> admit(String address) {
    Deque<Instant> recent = prune(address);
    if (recent != null && recent.size() >= allowed) {
      return Optional.of(Duration.between(clock.instant(), recent.peekFirst().plus(window)));
    }
    if (recent == null && failures.size() >= MAX_ADDRESSES) {
      forgetStalest();
    }
    failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(clock.instant());
    return Optional.empty();
  }

  /** A login from the address succeeded: its earlier attempts no longer count. */
  synchronized void succeeded(String address) {
    failures.remove(address);
  }

  synchronized int addresses() {
    return failures.size();
  }

  private Deque<Instant> prune(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) {
      return null;
    }
    Instant horizon = clock.instant().minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
      recent.removeFirst();
    }
    if (recent.isEmpty()) {
      failures.remove(address);
      return null;
    }
    return recent;
  }

  private void forgetStalest() {
    failures.entrySet().stream()
        .min(Comparator.comparing((Map.Entry<String, Deque<Instant>> e) -> e.getValue().peekLast()))
        .map(Map.Entry::getKey)
        .ifPresent(failures::remove);
  }
}
