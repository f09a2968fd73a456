package dev.ben.tests.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.detector.state.NatsShardStateStore;
import dev.ben.streams.detector.state.ShardStateStore;
import dev.ben.streams.detector.state.ShardStateStoreContract;
import dev.ben.streams.detector.state.StateKey;
import dev.ben.streams.nats.NatsClient;
import dev.ben.tests.support.TestServers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shard state contract on a JetStream KV bucket against the real nats-server. Each test has its
 * own bucket; the member a shard moves to connects a client of its own.
 */
class NatsShardStateStoreIT extends ShardStateStoreContract {

  private final List<NatsClient> clients = new ArrayList<>();
  private String bucket;

  private NatsShardStateStore connect() {
    NatsClient client = NatsClient.connect(TestServers.nats());
    clients.add(client);
    return NatsShardStateStore.open(client, bucket, CONFIGURED_MAX);
  }

  @Override
  protected ShardStateStore create() {
    bucket = TestServers.unique("detector-state");
    return connect();
  }

  @Override
  protected ShardStateStore reopen() {
    return connect();
  }

  @AfterEach
  void disconnect() {
    clients.forEach(NatsClient::close);
  }

  /**
   * The configured bound (2 MiB) is above the server's max_payload, so the store takes less: what
   * fits in one message. A value past max_payload is refused by the server, which is why snapshots
   * are bounded to what the store says it takes.
   */
  @Test
  void snapshotsAreBoundedBelowTheServersMaxPayload() {
    long payload = clients.get(0).maxPayload();
    assertTrue(store.maxValueBytes() < payload, store.maxValueBytes() + " vs " + payload);
    assertTrue(store.maxValueBytes() >= payload - 16 * 1024, "most of a message is usable");
    var key = new StateKey("auth", 0, "login", "ff06");
    assertThrows(RuntimeException.class, () -> store.put(key, new byte[(int) payload + 1]));
    assertEquals(0, reopen().load("auth", 0).size());
  }
}
