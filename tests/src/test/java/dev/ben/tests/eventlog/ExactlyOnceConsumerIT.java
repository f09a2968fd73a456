package dev.ben.tests.eventlog;

import static dev.ben.tests.eventlog.LogNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.ben.api.events.Claim;
import dev.ben.api.events.ConsumerStatus;
import dev.ben.api.events.Consumption;
import dev.ben.api.events.Event;
import dev.ben.api.events.PublishRequest;
import dev.ben.api.events.Subjects;
import dev.ben.client.eventlog.EventLogClient;
import dev.ben.tests.eventlog.LogNode.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exactly-once consumption through the gRPC service with the Java client, as
 * examples/eventlog-consumer uses it, on a node with NATS and on an embedded one: a consumer that
 * stops after Started gets the event again once its lease passed (attempt 2); once it reached
 * Succeeded no claim returns it, even long after its lease. The lease is the node's own
 * (ben.eventlog.lease, short here); time passes by waiting for conditions.
 */
class ExactlyOnceConsumerIT {

  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> FIRED = List.of("playbook.fired");

  @TempDir Path work;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aCrashedClaimIsRedeliveredAfterItsLeaseAndASucceededOneNever(Backend backend)
      throws Exception {
    try (LogNode log =
        LogNode.start(
            backend,
            work,
            ConfigFactory.parseString("ben.eventlog.lease = " + LEASE.toMillis() + "ms"))) {
      log.user("alerter", "viewer");
      log.user("responder", "viewer");
      log.benctl(
          log.admin, "events", "components", "register", "alerter", "--publish", "playbook.fired");
      log.benctl(
          log.admin,
          "events",
          "components",
          "register",
          "responder",
          "--consume",
          "playbook.fired");
      String listed = log.benctl(log.admin, "events", "components", "list").out();
      assertTrue(listed.lines().anyMatch(l -> l.matches("responder +- +playbook\\.fired")), listed);

      Event fired;
      try (EventLogClient alerter = connect(log, "alerter")) {
        fired =
            alerter.publish(
                PublishRequest.newBuilder()
                    .setType("playbook.fired")
                    .setEntry("lockout for k1")
                    .setDataJson("{\"playbook\":\"lockout\",\"actions\":[\"lock_account\"]}")
                    .setSubjects(Subjects.newBuilder().setPipeline("auth"))
                    .build());
      }
      assertEquals("alerter", fired.getSource());

      Consumption first;
      try (EventLogClient crashing = connect(log, "responder")) {
        first = only(crashing.claim(FIRED, 10, Duration.ZERO), fired.getId()).orElseThrow();
      } // the consumer "crashes": it closes without moving the event on
      assertEquals(ConsumerStatus.STARTED, first.getStatus());
      assertEquals(1, first.getAttempt());
      assertEquals("responder", first.getConsumer());
      assertEquals(LEASE.toMillis(), first.getLeaseMillis());

      try (EventLogClient restarted = connect(log, "responder")) {
        long askedAt = System.currentTimeMillis();
        Optional<Consumption> early =
            only(restarted.claim(FIRED, 10, Duration.ZERO), fired.getId());
        if (askedAt < first.getLeaseUntilMillis()) {
          assertTrue(early.isEmpty(), () -> "handed out again within its lease: " + early);
        }
        Consumption[] again = {early.orElse(null)};
        await(
            "the event is claimed again after its lease",
            () -> {
              if (again[0] == null) {
                again[0] =
                    only(restarted.claim(FIRED, 10, Duration.ZERO), fired.getId()).orElse(null);
              }
              return again[0] != null;
            });
        assertEquals(2, again[0].getAttempt());
        assertEquals(ConsumerStatus.STARTED, again[0].getStatus());
        assertTrue(System.currentTimeMillis() >= first.getLeaseUntilMillis());

        assertEquals(
            ConsumerStatus.IN_PROGRESS,
            restarted.move(fired.getId(), ConsumerStatus.IN_PROGRESS, "locking").getStatus());
        Consumption done = restarted.move(fired.getId(), ConsumerStatus.SUCCEEDED, "locked");
        assertEquals(ConsumerStatus.SUCCEEDED, done.getStatus());
        assertEquals(2, done.getAttempt());
        assertEquals(0, done.getLeaseUntilMillis());

        // Past every lease it held, a finished event is still never handed out again.
        long pastLease = System.currentTimeMillis() + LEASE.toMillis();
        await("a lease past its Succeeded", () -> System.currentTimeMillis() > pastLease);
        assertTrue(only(restarted.claim(FIRED, 10, Duration.ZERO), fired.getId()).isEmpty());
      }
      try (EventLogClient another = connect(log, "responder")) {
        assertTrue(only(another.claim(FIRED, 10, Duration.ZERO), fired.getId()).isEmpty());
      }
    }
  }

  private static EventLogClient connect(LogNode log, String who) {
    String[] hostPort = log.node.controlAddress().split(":");
    return EventLogClient.connect(
        hostPort[0], Integer.parseInt(hostPort[1]), false, log.token(who), TIMEOUT);
  }

  /** The claim of {@code eventId} among {@code claims}, if any. */
  private static Optional<Consumption> only(List<Claim> claims, String eventId) {
    return claims.stream()
        .filter(c -> c.getEvent().getId().equals(eventId))
        .map(Claim::getConsumption)
        .findFirst();
  }
}
