package dev.ben.actors.control;

import dev.ben.api.control.AddTrustedKeyRequest;
import dev.ben.api.control.ListTrustedKeysReply;
import dev.ben.api.control.ListTrustedKeysRequest;
import dev.ben.api.control.RemoveTrustedKeyRequest;
import dev.ben.api.control.TrustServicePowerApi;
import dev.ben.api.control.TrustedKey;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.TrustedKeys;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.StoredTrustedKey;
import io.grpc.Status;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * Admins add signing keys for the ledger to trust, list them with the configured ones, and remove
 * those they added. The ledger reads them from the identity store whenever a bundle is staged.
 */
public final class TrustGrpcService implements TrustServicePowerApi {

  private final TrustedKeys configured;
  private final IdentityStore identities;
  private final AuthorizedCalls calls;
  private final ControlRequests checks;
  private final Clock clock;

  public TrustGrpcService(
      TrustedKeys configured,
      IdentityStore identities,
      Authorizer authorizer,
      ControlRequests checks,
      Executor blocking,
      Clock clock) {
    this.configured = configured;
    this.identities = identities;
    this.calls = new AuthorizedCalls(authorizer, blocking);
    this.checks = checks;
    this.clock = clock;
  }

  @Override
  public CompletionStage<TrustedKey> add(AddTrustedKeyRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.ADD_TRUSTED_KEY,
        who -> {
          PublicKey key = checks.publicKey(in.getPublicKey());
          String keyId = Ed25519.keyId(key);
          StoredTrustedKey stored =
              new StoredTrustedKey(
                  keyId, in.getPublicKey(), checks.recorded(in.getLabel()), who, clock.instant());
          if (configured.find(keyId).isPresent() || !identities.addTrustedKey(stored)) {
            throw new GrpcServiceException(
                Status.ALREADY_EXISTS.withDescription(
                    "key " + keyId + " is trusted already (see `benctl trust list`)"));
          }
          return added(stored);
        });
  }

  @Override
  public CompletionStage<ListTrustedKeysReply> list(ListTrustedKeysRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.LIST_TRUSTED_KEYS,
        who -> {
          Stream<TrustedKey> fromSettings =
              configured.keyIds().stream()
                  .map(id -> TrustedKey.newBuilder().setKeyId(id).setConfigured(true).build());
          Stream<TrustedKey> fromAdmins =
              identities.trustedKeys().stream().map(TrustGrpcService::added);
          List<TrustedKey> keys =
              Stream.concat(fromSettings, fromAdmins)
                  .sorted(Comparator.comparing(TrustedKey::getKeyId))
                  .toList();
          return ListTrustedKeysReply.newBuilder().addAllKeys(keys).build();
        });
  }

  @Override
  public CompletionStage<TrustedKey> remove(RemoveTrustedKeyRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.REMOVE_TRUSTED_KEY,
        who -> {
          String keyId = in.getKeyId();
          checks.keyId(keyId);
          if (configured.find(keyId).isPresent()) {
            throw new GrpcServiceException(
                Status.FAILED_PRECONDITION.withDescription(
                    "key "
                        + keyId
                        + " is configured; remove its file from ben.ledger.trusted-keys"
                        + " (BEN_LEDGER_TRUSTED_KEYS) on every node instead"));
          }
          StoredTrustedKey stored =
              identities.trustedKeys().stream()
                  .filter(key -> key.keyId().equals(keyId))
                  .findFirst()
                  .orElseThrow(() -> notTrusted(keyId));
          if (!identities.removeTrustedKey(keyId)) {
            throw notTrusted(keyId);
          }
          return added(stored);
        });
  }

  private static GrpcServiceException notTrusted(String keyId) {
    return new GrpcServiceException(
        Status.NOT_FOUND.withDescription(
            "key " + keyId + " is not trusted; see `benctl trust list`"));
  }

  private static TrustedKey added(StoredTrustedKey key) {
    return TrustedKey.newBuilder()
        .setKeyId(key.keyId())
        .setLabel(key.label())
        .setAddedBy(key.addedBy())
        .setAddedAtMillis(key.added().toEpochMilli())
        .build();
  }
}
