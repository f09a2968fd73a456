package dev.ben.bench.dataplane;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Login events shaped like {@code examples/auth/events}: many users from many addresses, mostly
 * quiet, with one in a hundred events a failed-login burst from one of a few attackers (so the
 * brute-force rule, the detector windows and the lockout playbook all have work). Event time starts
 * at {@link #START} and moves forward by a fixed step per event (see {@link EventClock}).
 * Deterministic for a seed and step; one generator per thread.
 */
public final class AuthTraffic {

  private static final String[] COUNTRIES = {"NL", "DE", "FR", "US", "BR", "JP", "IR"};

  /** The event time of every generator's first event. */
  public static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

  /** The event time step of traffic sent as fast as it is taken, where no rate says otherwise. */
  public static final Duration DEFAULT_STEP = Duration.ofMillis(1);

  private final Random random;
  private final int users;
  private final EventClock clock;

  /** Traffic whose event time moves {@link #DEFAULT_STEP} per event. */
  public AuthTraffic(long seed, int users) {
    this(seed, users, DEFAULT_STEP);
  }

  /** Traffic whose event time moves {@code step} per event. */
  public AuthTraffic(long seed, int users, Duration step) {
    this.random = new Random(seed);
    this.users = users;
    this.clock = new EventClock(START, step);
  }

  /**
   * The step that keeps event time in line with wall time at {@code perSecond} events a second;
   * {@link #DEFAULT_STEP} for 0 (as fast as taken).
   */
  public static Duration stepAt(int perSecond) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("a rate cannot be negative: " + perSecond);
    }
    return perSecond == 0
        ? DEFAULT_STEP
        : Duration.ofNanos(Math.max(1, 1_000_000_000L / perSecond));
  }

  /**
   * The step of {@link #stepAt(int)}, lengthened where needed so {@code count} events span at least
   * {@code span} of event time: a short run at a fixed rate then moves event time faster than the
   * wall clock, so windows and cooldowns still slide within it.
   */
  public static Duration stepSpanning(int perSecond, long count, Duration span) {
    if (count <= 1) {
      return stepAt(perSecond);
    }
    Duration needed = span.dividedBy(count - 1);
    Duration atRate = stepAt(perSecond);
    return needed.compareTo(atRate) > 0 ? needed : atRate;
  }

  /** The next event as one NDJSON line (UTF-8, no newline). */
  public byte[] next() {
    return line().getBytes(StandardCharsets.UTF_8);
  }

  public String line() {
    boolean attack = random.nextInt(100) == 0;
    String user = attack ? "mallory-" + random.nextInt(8) : "user-" + random.nextInt(users);
    int attempts = attack ? 6 + random.nextInt(20) : random.nextInt(3);
    String ip =
        attack
            ? "203.0.113." + (66 + random.nextInt(4))
            : (random.nextInt(20) == 0 ? "10.0.0." : "198.51.100.") + (1 + random.nextInt(250));
    StringBuilder json = clock.appendNext(new StringBuilder(200).append("{\"ts\":\""));
    json.append("\",\"tenant\":\"acme\",\"user\":\"")
        .append(user)
        .append("\",\"ip\":\"")
        .append(ip)
        .append("\",\"country\":\"")
        .append(COUNTRIES[random.nextInt(COUNTRIES.length)])
        .append("\",\"attempts\":")
        .append(attempts)
        .append(",\"email\":\"")
        .append(user)
        .append("@example.com\"");
    if (random.nextInt(1000) == 0) {
      json.append(",\"attachment\":\"invoice.pdf\"");
    }
    return json.append('}').toString();
  }
}
