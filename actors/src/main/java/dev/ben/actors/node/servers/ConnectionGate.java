package dev.ben.actors.node.servers;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which connections a listener takes: at most {@code max} at once, and at most {@code perAddress}
 * from one client address (loopback is an address like any other), so one address cannot take the
 * port. A refused connection is closed at once by the caller.
 */
final class ConnectionGate {

  static final String MAX_CONNECTIONS = "max_connections";
  static final String MAX_PER_ADDRESS = "max_per_address";

  private final int max;
  private final int perAddress;
  private final Map<String, Integer> byAddress = new HashMap<>();
  private int open;

  ConnectionGate(int max, int perAddress) {
    this.max = max;
    this.perAddress = perAddress;
  }

  /**
   * Takes a place for a connection from {@code address}, or answers why not ({@link
   * #MAX_CONNECTIONS}, {@link #MAX_PER_ADDRESS}).
   */
  synchronized Optional<String> admit(String address) {
    if (open >= max) {
      return Optional.of(MAX_CONNECTIONS);
    }
    int held = byAddress.getOrDefault(address, 0);
    if (held >= perAddress) {
      return Optional.of(MAX_PER_ADDRESS);
    }
    byAddress.put(address, held + 1);
    open++;
    return Optional.empty();
  }

  /** Gives back the place of an admitted connection that closed. */
  synchronized void release(String address) {
    byAddress.computeIfPresent(address, (a, held) -> held == 1 ? null : held - 1);
    open--;
  }

  synchronized int open() {
    return open;
  }
}
