import dev.ben.api.events.Claim;
import dev.ben.api.events.ConsumerStatus;
import dev.ben.api.events.Consumption;
import dev.ben.client.eventlog.EventLogClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An event-log consumer: claims {@code playbook.fired} events exactly once and moves each Started →
 * In Progress → Succeeded. With {@code --crash-after-start} it stops after claiming, as a process
 * that died would: once the lease passes, the next run gets the same event again (attempt 2), and
 * an event that reached Succeeded is never handed out again. See README.md.
 *
 * <p>Usage: {@code EventLogConsumer --server HOST:PORT [--tls] [--token T] [--lease 30s] [--wait
 * 0s] [--crash-after-start]}; the token defaults to {@code $BEN_TOKEN}.
 */
public final class EventLogConsumer {

  private static final Set<String> TYPES = Set.of("playbook.fired");

  private EventLogConsumer() {}

  public static void main(String[] args) {
    System.exit(run(System.out, args));
  }

  /** Runs the consumer; returns 0 when it finished what it claimed, 2 for bad arguments. */
  public static int run(PrintStream out, String... args) {
    String server = null;
    String token = System.getenv("BEN_TOKEN");
    boolean tls = false;
    boolean crash = false;
    Duration lease = Duration.ZERO;
    Duration wait = Duration.ZERO;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--server" -> server = args[++i];
        case "--token" -> token = args[++i];
        case "--tls" -> tls = true;
        case "--lease" -> lease = Duration.parse("PT" + args[++i].toUpperCase());
        case "--wait" -> wait = Duration.parse("PT" + args[++i].toUpperCase());
        case "--crash-after-start" -> crash = true;
        default -> {
          out.println("unknown argument " + args[i]);
          return 2;
        }
      }
    }
    if (server == null || token == null) {
      out.println("give --server HOST:PORT and --token (or BEN_TOKEN)");
      return 2;
    }
    int colon = server.lastIndexOf(':');
    try (EventLogClient log =
        EventLogClient.connect(
            server.substring(0, colon),
            Integer.parseInt(server.substring(colon + 1)),
            tls,
            token,
            Duration.ofSeconds(10))) {
      List<Claim> claims = claimWithin(log, lease, wait);
      if (claims.isEmpty()) {
        out.println("nothing to do");
      }
      for (Claim claim : claims) {
        String id = claim.getEvent().getId();
        out.println(
            "claimed "
                + id
                + " (attempt "
                + claim.getConsumption().getAttempt()
                + "): "
                + claim.getEvent().getEntry());
        if (crash) {
          out.println("crashing with " + id + " Started");
          return 0;
        }
        for (ConsumerStatus next : List.of(ConsumerStatus.IN_PROGRESS, ConsumerStatus.SUCCEEDED)) {
          // Real work goes between the moves; In Progress renews the lease while it runs.
          out.println("moved " + id + " to " + log.move(id, next, "handled").getStatus());
        }
        for (Consumption status : log.statuses(id)) {
          out.println(
              "status of "
                  + id
                  + ": "
                  + status.getConsumer()
                  + " "
                  + status.getStatus()
                  + " (attempt "
                  + status.getAttempt()
                  + ")");
        }
      }
      return 0;
    }
  }

  /** Claims, and while nothing is there and {@code wait} allows, claims again a little later. */
  private static List<Claim> claimWithin(EventLogClient log, Duration lease, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      List<Claim> claims = log.claim(TYPES, 10, lease);
      if (!claims.isEmpty() || !Instant.now().isBefore(deadline)) {
        return claims;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }
}
