package dev.ben.streams.eventlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event log's rules written once over an {@link EventSpace}: parents must exist, claims take
 * events by compare-and-set so two claimers never both win, moves follow {@link StatusTransitions}.
 * Each consumer keeps a floor per set of types below which everything is finished, so claims do not
 * rescan the whole log.
 */
abstract class SpaceEventLogStore implements EventLogStore {

  /** Events read per step of a claim's scan. */
  private static final int SCAN_PAGE = 256;

  /** Moves retried when another writer changed the status in between. */
  private static final int MOVE_ATTEMPTS = 8;

  private final EventSpace space;
  private final Clock clock;

  SpaceEventLogStore(EventSpace space, Clock clock) {
    this.space = space;
    this.clock = clock;
  }

  @Override
  public StoredEvent append(LogEvent event) {
    if (event.parentId() != null && space.get(event.parentId()).isEmpty()) {
      throw new EventRefusedException(
          EventRefusedException.Kind.NOT_FOUND,
          "/parent_id",
          "no event " + event.parentId() + " in the log");
    }
    return space.append(event);
  }

  @Override
  public List<StoredEvent> read(long fromPosition, Set<String> types, int limit) {
    return space.read(Math.max(0, fromPosition), types, limit);
  }

  @Override
  public Optional<StoredEvent> get(String eventId) {
    return space.get(eventId);
  }

  @Override
  public List<StoredEvent> children(String eventId) {
    return space.children(eventId);
  }

  @Override
  public List<Claim> claim(String consumer, Set<String> types, int limit, Duration lease) {
    Instant now = clock.instant();
    String typesKey = typesKey(types);
    long floor = space.floor(consumer, typesKey);
    long newFloor = floor;
    boolean finishedSoFar = true;
    List<Claim> claims = new ArrayList<>();
    long from = floor;
    while (claims.size() < limit) {
      List<StoredEvent> page = space.read(from, types, SCAN_PAGE);
      for (StoredEvent event : page) {
        if (claims.size() >= limit) {
          break;
        }
        from = event.position() + 1;
        Optional<EventSpace.Revised<Consumption>> current = space.consumption(event.id(), consumer);
        if (current.isPresent() && current.get().value().finished()) {
          newFloor = finishedSoFar ? from : newFloor;
          continue;
        }
        newFloor = finishedSoFar ? event.position() : newFloor;
        finishedSoFar = false;
        take(event, consumer, current, lease, now).ifPresent(claims::add);
      }
      if (page.size() < SCAN_PAGE) {
        break;
      }
    }
    if (newFloor > floor) {
      space.raiseFloor(consumer, typesKey, newFloor);
    }
    return claims;
  }

  /** Claims the event for the consumer unless another claim holds it or won the race. */
  private Optional<Claim> take(
      StoredEvent event,
      String consumer,
      Optional<EventSpace.Revised<Consumption>> current,
      Duration lease,
      Instant now) {
    if (current.isEmpty()) {
      Consumption started = Consumption.claimed(event.id(), consumer, null, lease, now);
      return space.create(started) ? Optional.of(new Claim(event, started)) : Optional.empty();
    }
    Consumption previous = current.get().value();
    if (!previous.leaseExpired(now)) {
      return Optional.empty();
    }
    Consumption started = Consumption.claimed(event.id(), consumer, previous, lease, now);
    return space.replace(started, current.get().revision())
        ? Optional.of(new Claim(event, started))
        : Optional.empty();
  }

  @Override
  public Consumption move(String consumer, String eventId, ConsumerStatus status, String note) {
    for (int attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
      EventSpace.Revised<Consumption> current =
          space
              .consumption(eventId, consumer)
              .orElseThrow(
                  () ->
                      new EventRefusedException(
                          EventRefusedException.Kind.NOT_FOUND,
                          "/event_id",
                          "consumer " + consumer + " has not claimed event " + eventId));
      ConsumerStatus from = current.value().status();
      if (!StatusTransitions.allows(from, status)) {
        throw StatusTransitions.refusal(from, status, eventId);
      }
      Consumption moved = current.value().movedTo(status, note, clock.instant());
      if (space.replace(moved, current.revision())) {
        return moved;
      }
    }
    throw new EventRefusedException(
        EventRefusedException.Kind.CONFLICT,
        "/status",
        "the status of event " + eventId + " for " + consumer + " keeps changing; try again");
  }

  @Override
  public List<Consumption> statuses(String eventId) {
    return space.consumptions(eventId).stream()
        .sorted(Comparator.comparing(Consumption::consumer))
        .toList();
  }

  @Override
  public void close() {
    space.close();
  }

  /** A short stable name for a set of types, as a key token: the same set, the same floor. */
  static String typesKey(Set<String> types) {
    if (types.isEmpty()) {
      return "all";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join(",", new TreeSet<>(types)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
