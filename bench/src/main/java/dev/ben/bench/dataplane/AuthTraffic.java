package dev.ben.bench.dataplane;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Login events shaped like {@code examples/auth/events}: many users from many addresses, mostly
 * quiet, with one in a hundred events a failed-login burst from one of a few attackers (so the
 * brute-force rule, the detector windows and the lockout playbook all have work). Deterministic for
 * a seed; one generator per thread.
 */
public final class AuthTraffic {

  private static final String[] COUNTRIES = {"NL", "DE", "FR", "US", "BR", "JP", "IR"};

  private final Random random;
  private final int users;

  public AuthTraffic(long seed, int users) {
    this.random = new Random(seed);
    this.users = users;
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
    StringBuilder json =
        new StringBuilder(200)
            .append("{\"ts\":\"2024-05-01T10:00:00Z\",\"tenant\":\"acme\",\"user\":\"")
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
