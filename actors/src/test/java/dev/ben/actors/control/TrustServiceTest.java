package dev.ben.actors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.AddTrustedKeyRequest;
import dev.ben.api.control.ListTrustedKeysRequest;
import dev.ben.api.control.RemoveTrustedKeyRequest;
import dev.ben.api.control.TrustServiceClient;
import dev.ben.api.control.TrustedKey;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.metrics.Labels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust service of a node's control API: which signing keys the ledger stages bundles of. */
@CapturedLogs
class TrustServiceTest {

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keys;

  private static PingContracts configured;
  private static PingContracts newcomer;
  private static TestNode node;
  private static TrustServiceClient trust;
  private static ControlClient ledger;

  @BeforeAll
  static void start() throws Exception {
    configured = new PingContracts(keys.resolve("configured"));
    newcomer = new PingContracts(keys.resolve("newcomer"));
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.ledger.trusted-keys = [\""
                + configured.publicKey()
                + "\"]",
            batch -> {});
    trust =
        TrustServiceClient.create(
            GrpcClientSettings.connectToServiceAt(
                    "127.0.0.1", node.endpoints.control().port(), node.system)
                .withTls(false),
            node.system);
    ledger = new ControlClient(node);
  }

  @AfterAll
  static void stop() throws Exception {
    ledger.close();
    trust.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.close();
  }

  private static String admin() {
    return "Bearer " + node.adminToken();
  }

  private static TrustedKey add(String authorization, Path publicKey, String label)
      throws Exception {
    return await(
        trust
            .add()
            .addHeader("authorization", authorization)
            .invoke(
                AddTrustedKeyRequest.newBuilder()
                    .setPublicKey(Files.readString(publicKey))
                    .setLabel(label)
                    .build()));
  }

  private static TrustedKey remove(String keyId) throws Exception {
    return await(
        trust
            .remove()
            .addHeader("authorization", admin())
            .invoke(RemoveTrustedKeyRequest.newBuilder().setKeyId(keyId).build()));
  }

  private static List<TrustedKey> list() throws Exception {
    return await(
            trust
                .list()
                .addHeader("authorization", admin())
                .invoke(ListTrustedKeysRequest.getDefaultInstance()))
        .getKeysList();
  }

  @Test
  void aBundleOfANewKeyIsStagedOnlyWhileTheKeyIsTrusted() throws Exception {
    Status before = refusal(() -> ledger.stage(newcomer.bundle(5)));
    assertEquals(Status.Code.PERMISSION_DENIED, before.getCode());
    assertTrue(before.getDescription().contains("benctl trust add"), before.getDescription());

    TrustedKey added = add(admin(), newcomer.publicKey(), "release team");
    assertEquals("admin", added.getAddedBy());
    assertEquals("release team", added.getLabel());
    assertTrue(added.getAddedAtMillis() > 0);
    assertEquals(added.getKeyId(), ledger.stage(newcomer.bundle(5)).getKeyId());
    assertTrue(list().contains(added), list().toString());
    assertEquals(
        Status.Code.ALREADY_EXISTS,
        refusal(() -> add(admin(), newcomer.publicKey(), "again")).getCode());

    assertEquals(added, remove(added.getKeyId()));
    assertEquals(
        Status.Code.PERMISSION_DENIED, refusal(() -> ledger.stage(newcomer.bundle(6))).getCode());
    assertEquals(Status.Code.NOT_FOUND, refusal(() -> remove(added.getKeyId())).getCode());
  }

  @Test
  void configuredKeysAreListedAsSuchAndCannotBeRemovedHere() throws Exception {
    String configuredId = ledger.stage(configured.bundle(3)).getKeyId();
    assertTrue(
        list().contains(TrustedKey.newBuilder().setKeyId(configuredId).setConfigured(true).build()),
        list().toString());
    Status refused = refusal(() -> remove(configuredId));
    assertEquals(Status.Code.FAILED_PRECONDITION, refused.getCode());
    assertTrue(refused.getDescription().contains("ben.ledger.trusted-keys"));
    assertEquals(
        Status.Code.ALREADY_EXISTS,
        refusal(() -> add(admin(), configured.publicKey(), "")).getCode());
  }

  @Test
  void anOperatorCannotAddAKey() throws Exception {
    node.identities().createUser(new StoredUser("olga", UserRole.OPERATOR, "unused"));
    String olga = "Bearer " + node.tokens().issue("olga", UserRole.OPERATOR).token();
    long forbidden = refused("forbidden");
    Status status = refusal(() -> add(olga, newcomer.publicKey(), "sneaky"));
    assertEquals(Status.Code.PERMISSION_DENIED, status.getCode());
    assertEquals(forbidden + 1, refused("forbidden"));
    assertTrue(
        node.identities().trustedKeys().stream().noneMatch(key -> key.label().equals("sneaky")));
  }

  @Test
  void whatIsNotAPublicKeyFileIsRefusedWithItsReason() throws Exception {
    long bad = refused("bad-public-key");
    Path privateFile = Path.of(newcomer.publicKey().toString().replace(".pub", ".key"));
    Status status = refusal(() -> add(admin(), privateFile, ""));
    assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
    assertTrue(status.getDescription().contains("PRIVATE"), status.getDescription());
    assertEquals(bad + 1, refused("bad-public-key"));
    assertEquals(Status.Code.INVALID_ARGUMENT, refusal(() -> remove("not-a-key-id")).getCode());
  }

  private interface Call {
    Object call() throws Exception;
  }

  private static Status refusal(Call call) throws Exception {
    try {
      call.call();
    } catch (ExecutionException e) {
      return ((StatusRuntimeException) e.getCause()).getStatus();
    }
    throw new AssertionError("the call was not refused");
  }

  private static long refused(String reason) {
    return node.metrics.value(RefusalCounter.METRIC, Labels.of("reason", reason));
  }

  private static <T> T await(CompletionStage<T> call) throws Exception {
    return call.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
