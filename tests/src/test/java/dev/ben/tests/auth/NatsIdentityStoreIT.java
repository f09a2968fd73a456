package dev.ben.tests.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.IdentityStoreContract;
import dev.ben.streams.auth.NatsIdentityStore;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.nats.NatsClient;
import dev.ben.tests.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The identity contract on a JetStream KV bucket against the real nats-server. Each test has its
 * own bucket; "another node" connects a client of its own, so the races go through the server's
 * compare-and-set.
 */
class NatsIdentityStoreIT extends IdentityStoreContract {

  private final List<NatsClient> clients = new ArrayList<>();
  private String bucket;

  private NatsIdentityStore connect() {
    NatsClient client = NatsClient.connect(TestServers.nats());
    clients.add(client);
    return NatsIdentityStore.open(client, bucket);
  }

  @Override
  protected IdentityStore create() {
    bucket = TestServers.unique("identities");
    return connect();
  }

  @Override
  protected IdentityStore reopen() {
    return connect();
  }

  @AfterEach
  void disconnect() {
    clients.forEach(NatsClient::close);
  }

  /** Users are keys of their own in the bucket, holding role and hash but never a password. */
  @Test
  void usersLiveUnderTheirOwnKeys() {
    store.createUser(new StoredUser("alice", UserRole.OPERATOR, "pbkdf2-sha256$1$AA$BB"));
    try (NatsClient raw = NatsClient.connect(TestServers.nats())) {
      assertEquals(List.of("users.alice"), raw.kv().keys(bucket, "users.>"));
      String stored =
          new String(raw.kv().get(bucket, "users.alice").orElseThrow(), StandardCharsets.UTF_8);
      assertTrue(stored.startsWith("OPERATOR pbkdf2-sha256$"), stored);
    }
  }
}
