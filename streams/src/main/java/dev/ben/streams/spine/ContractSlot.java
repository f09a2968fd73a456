package dev.ben.streams.spine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The active contract of one pipeline on this node. The spine reads it once per event and evaluates
 * the whole event with what it read, so no event sees two versions; a swap is one volatile write,
 * so evaluation never waits for it. Written by the one actor that loads versions, read by the
 * stream stage.
 */
public final class ContractSlot {

  /**
   * How many recent versions stay reachable by number, for events still in flight (or spilled)
   * under them.
   */
  static final int HELD_VERSIONS = 8;

  private final String pipeline;
  private volatile ActiveContract current;
  private final Map<Long, ActiveContract> held = new LinkedHashMap<>();

  public ContractSlot(String pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  /** The version events are evaluated with from now on, or empty before the first one is loaded. */
  public Optional<ActiveContract> current() {
    return Optional.ofNullable(current);
  }

  /** The running version, 0 before the first one is loaded. */
  public long version() {
    ActiveContract active = current;
    return active == null ? 0 : active.version();
  }

  /** Makes {@code next} the version every event from now on is evaluated with. */
  public void swap(ActiveContract next) {
    if (!next.pipeline().equals(pipeline)) {
      throw new IllegalArgumentException(
          "the slot of pipeline " + pipeline + " cannot hold a contract of " + next.pipeline());
    }
    synchronized (held) {
      held.put(next.version(), next);
      while (held.size() > HELD_VERSIONS) {
        held.remove(held.keySet().iterator().next());
      }
    }
    current = next;
  }

  /**
   * One of the last {@value #HELD_VERSIONS} versions this slot held, by number: later stages
   * (detectors, the store) handle an event with the version that decided it, which may already have
   * been swapped out.
   */
  public Optional<ActiveContract> held(long version) {
    // Nearly every event is of the current version: read without the lock for it.
    ActiveContract now = current;
    if (now != null && now.version() == version) {
      return Optional.of(now);
    }
    synchronized (held) {
      return Optional.ofNullable(held.get(version));
    }
  }

  public String pipeline() {
    return pipeline;
  }
}
