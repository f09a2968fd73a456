package dev.ben.tests.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.config.LedgerSettings;
import dev.ben.streams.ledger.LedgerStore;
import dev.ben.streams.ledger.LedgerStoreContract;
import dev.ben.streams.ledger.NatsLedgerStore;
import dev.ben.streams.ledger.PipelineHeader;
import dev.ben.streams.ledger.PipelineStatus;
import dev.ben.streams.nats.NatsClient;
import dev.ben.tests.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger contract on NATS (a JetStream KV bucket and an Object Store) against the real
 * nats-server. Each test has its own buckets; reopening connects a new client, as a failed-over
 * ledger would.
 */
class NatsLedgerStoreIT extends LedgerStoreContract {

  private final List<NatsClient> clients = new ArrayList<>();
  private LedgerSettings settings;

  private NatsLedgerStore connect() {
    NatsClient client = NatsClient.connect(TestServers.nats());
    clients.add(client);
    return NatsLedgerStore.open(client, settings);
  }

  @Override
  protected LedgerStore create() {
    String run = TestServers.unique("ledger");
    settings = settings(run, run + "_bundles");
    return connect();
  }

  @Override
  protected LedgerStore reopen() {
    return connect();
  }

  @AfterEach
  void disconnect() {
    clients.forEach(NatsClient::close);
  }

  /**
   * The arrangement the orchestrator relies on: it finds headers in the KV bucket and bodies in the
   * Object Store.
   */
  @Test
  void headersLiveInTheKvBucketAndBodiesInTheObjectStore() {
    store.putHeader(new PipelineHeader("auth.eu", "Auth EU", "", PipelineStatus.DRAFT, 0));
    store.putBundle(BUNDLE_A, "body".getBytes(StandardCharsets.UTF_8));
    try (NatsClient raw = NatsClient.connect(TestServers.nats())) {
      String header =
          new String(
              raw.kv().get(settings.kvBucket(), "pipelines.auth=eu").orElseThrow(),
              StandardCharsets.UTF_8);
      assertTrue(header.contains("\"status\":\"DRAFT\""), header);
      assertArrayEquals(
          "body".getBytes(StandardCharsets.UTF_8),
          raw.objects().get(settings.objectBucket(), BUNDLE_A).orElseThrow());
    }
  }

  /** Two ledgers racing (a failover overlap) still get distinct, dense version numbers. */
  @Test
  void concurrentAppendsFromTwoClientsNeverShareANumber() throws Exception {
    store.putBundle(BUNDLE_A, "a".getBytes(StandardCharsets.UTF_8));
    LedgerStore other = reopen();
    List<Long> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread second =
        new Thread(
            () -> {
              for (int i = 0; i < 5; i++) {
                numbers.add(other.appendVersion("auth", BUNDLE_A, "k", i).version());
              }
            });
    second.start();
    for (int i = 0; i < 5; i++) {
      numbers.add(store.appendVersion("auth", BUNDLE_A, "k", i).version());
    }
    second.join(30_000);
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), numbers.stream().sorted().toList());
    assertEquals(10, store.versions("auth").size());
  }
}
