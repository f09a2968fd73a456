package dev.ben.benctl;

import dev.ben.api.control.AddTrustedKeyRequest;
import dev.ben.api.control.ListTrustedKeysReply;
import dev.ben.api.control.ListTrustedKeysRequest;
import dev.ben.api.control.RemoveTrustedKeyRequest;
import dev.ben.api.control.TrustServicePowerApi;
import dev.ben.api.control.TrustedKey;
import io.grpc.Status;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * The trust service of {@link FakeControlServer}: starts with the configured key {@link
 * #CONFIGURED}; every key it adds is {@link #ADDED}, whatever the file, as the fake does not read
 * keys.
 */
final class FakeTrust implements TrustServicePowerApi {

  static final String CONFIGURED = "ed25519:00000000000000aa";
  static final String ADDED = "ed25519:00000000000000bb";

  private final FakeControlServer server;
  private final Map<String, TrustedKey> keys = new ConcurrentSkipListMap<>();

  FakeTrust(FakeControlServer server) {
    this.server = server;
    keys.put(CONFIGURED, TrustedKey.newBuilder().setKeyId(CONFIGURED).setConfigured(true).build());
  }

  @Override
  public CompletionStage<TrustedKey> add(AddTrustedKeyRequest in, Metadata metadata) {
    TrustedKey key =
        TrustedKey.newBuilder()
            .setKeyId(ADDED)
            .setLabel(in.getLabel())
            .setAddedBy(FakeControlServer.USER)
            .setAddedAtMillis(1_700_000_000_000L)
            .build();
    if (keys.putIfAbsent(ADDED, key) != null) {
      server.record("addTrustedKey", in, metadata);
      return FakeControlServer.failed(Status.ALREADY_EXISTS.withDescription("trusted already"));
    }
    return server.authorized("addTrustedKey", in, metadata, key);
  }

  @Override
  public CompletionStage<ListTrustedKeysReply> list(ListTrustedKeysRequest in, Metadata metadata) {
    return server.authorized(
        "listTrustedKeys",
        in,
        metadata,
        ListTrustedKeysReply.newBuilder().addAllKeys(keys.values()).build());
  }

  @Override
  public CompletionStage<TrustedKey> remove(RemoveTrustedKeyRequest in, Metadata metadata) {
    TrustedKey key = keys.get(in.getKeyId());
    if (key == null || key.getConfigured()) {
      server.record("removeTrustedKey", in, metadata);
      return FakeControlServer.failed(
          key == null
              ? Status.NOT_FOUND.withDescription("key " + in.getKeyId() + " is not trusted")
              : Status.FAILED_PRECONDITION.withDescription(
                  "key " + in.getKeyId() + " is configured; edit ben.ledger.trusted-keys"));
    }
    keys.remove(in.getKeyId());
    return server.authorized("removeTrustedKey", in, metadata, key);
  }
}
