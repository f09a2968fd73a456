package dev.ben.tests.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.EventLogSettings;
import dev.ben.streams.eventlog.Component;
import dev.ben.streams.eventlog.ConsumerStatus;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventLogContract;
import dev.ben.streams.eventlog.EventLogStore;
import dev.ben.streams.eventlog.NatsEventLogStore;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.nats.JetStreams;
import dev.ben.streams.nats.NatsClient;
import dev.ben.tests.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event log contract on NATS (a JetStream stream and a KV bucket) against the real nats-server.
 * Each test has its own stream, subject and bucket; reopening and second claimers connect new
 * clients, as other nodes would.
 */
class NatsEventLogStoreIT extends EventLogContract {

  private final List<NatsClient> clients = new ArrayList<>();
  private EventLogSettings settings;

  private NatsEventLogStore connect() {
    NatsClient client = NatsClient.connect(TestServers.nats());
    clients.add(client);
    return NatsEventLogStore.open(client, settings, clock);
  }

  @Override
  protected EventLogStore create() {
    String run = TestServers.unique("eventlog");
    settings = settings(run.toUpperCase(Locale.ROOT), "t." + run, run);
    return connect();
  }

  @Override
  protected EventLogStore reopen() {
    return connect();
  }

  @Override
  protected EventLogStore sibling() {
    return connect();
  }

  @AfterEach
  void disconnect() {
    clients.forEach(NatsClient::close);
  }

  /**
   * The arrangement other tools rely on: an event is a message on {@code
   * <subject>.<type>.<parent>.<id>}, a status a KV entry {@code c.<event>.<consumer>}.
   */
  @Test
  void eventsAreStreamMessagesAndStatusesKvEntries() throws Exception {
    StoredEvent event =
        log.publish(
            "ledger",
            EventDraft.of(
                "ledger.deployed", "deployed v3", new ObjectMapper().readTree("{\"version\":3}")));
    log.components().register(new Component("deployer", Set.of(), Set.of("ledger.deployed")));
    log.claim("deployer", Set.of("ledger.deployed"), 1);
    try (NatsClient raw = NatsClient.connect(TestServers.nats())) {
      JetStreams.StoredMessage message =
          raw.streams().next(settings.stream(), 1, settings.subject() + ".>").orElseThrow();
      assertEquals(settings.subject() + ".ledger-deployed._." + event.id(), message.subject());
      assertEquals(event.position(), message.sequence());
      assertTrue(
          new String(message.data(), StandardCharsets.UTF_8).contains("\"source\":\"ledger\""));
      String status =
          new String(
              raw.kv().get(settings.kvBucket(), "c." + event.id() + ".deployer").orElseThrow(),
              StandardCharsets.UTF_8);
      assertTrue(status.contains("\"status\":\"" + ConsumerStatus.STARTED + "\""), status);
    }
  }
}
