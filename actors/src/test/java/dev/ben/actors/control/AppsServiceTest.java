package dev.ben.actors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.App;
import dev.ben.api.control.AppsServiceClient;
import dev.ben.api.control.CreateAppReply;
import dev.ben.api.control.CreateAppRequest;
import dev.ben.api.control.ListAppsRequest;
import dev.ben.api.control.RevokeAppRequest;
import dev.ben.streams.auth.AppKeys;
import dev.ben.streams.auth.StoredApp;
import dev.ben.streams.metrics.Labels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The apps service of a node's control API, as an admin uses it through benctl. */
@CapturedLogs
class AppsServiceTest {

  private static TestNode node;
  private static AppsServiceClient apps;

  @BeforeAll
  static void start() {
    node = new TestNode("ben.node.pass-through-pipelines = []", batch -> {});
    apps =
        AppsServiceClient.create(
            GrpcClientSettings.connectToServiceAt(
                    "127.0.0.1", node.endpoints.control().port(), node.system)
                .withTls(false),
            node.system);
  }

  @AfterAll
  static void stop() throws Exception {
    apps.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.close();
  }

  private static String admin() {
    return "Bearer " + node.adminToken();
  }

  private static CreateAppReply create(String name, String... origins) throws Exception {
    return await(
        apps.create()
            .addHeader("authorization", admin())
            .invoke(
                CreateAppRequest.newBuilder()
                    .setName(name)
                    .addAllBeaconOrigins(List.of(origins))
                    .build()));
  }

  @Test
  void anAppIsCreatedWithAKeyShownOnceAndStoredOnlyAsItsHash() throws Exception {
    CreateAppReply reply = create("shop", "https://Shop.example:443", "http://localhost:8080");
    assertEquals(Optional.of("shop"), AppKeys.appOf(reply.getKey()));
    assertEquals("shop", reply.getApp().getName());
    assertEquals("admin", reply.getApp().getCreatedBy());
    assertEquals(
        List.of("https://shop.example", "http://localhost:8080"),
        reply.getApp().getBeaconOriginsList());
    StoredApp stored = node.identities().app("shop").orElseThrow();
    assertEquals(AppKeys.hash(reply.getKey()), stored.keyHash());
    assertFalse(stored.toString().contains(reply.getKey()));

    List<App> listed =
        await(
                apps.list()
                    .addHeader("authorization", admin())
                    .invoke(ListAppsRequest.getDefaultInstance()))
            .getAppsList();
    assertTrue(listed.stream().anyMatch(a -> a.getName().equals("shop") && !a.getRevoked()));
  }

  @Test
  void aRevokedAppIsListedAsRevokedAndItsNameStaysTaken() throws Exception {
    create("billing");
    App revoked =
        await(
            apps.revoke()
                .addHeader("authorization", admin())
                .invoke(RevokeAppRequest.newBuilder().setName("billing").build()));
    assertTrue(revoked.getRevoked());
    assertTrue(revoked.getRevokedAtMillis() > 0);
    assertTrue(node.identities().app("billing").orElseThrow().isRevoked());
    assertEquals(Status.Code.ALREADY_EXISTS, refusal(() -> create("billing")).getCode());
  }

  @Test
  void badRequestsAreRefusedWithTheirReason() throws Exception {
    long badNames = refused("bad-app-name");
    long badOrigins = refused("bad-origin");
    assertEquals(Status.Code.INVALID_ARGUMENT, refusal(() -> create("bad name")).getCode());
    Status origin = refusal(() -> create("site", "https://shop.example/path"));
    assertEquals(Status.Code.INVALID_ARGUMENT, origin.getCode());
    assertTrue(origin.getDescription().contains("scheme://host[:port]"), origin.getDescription());
    assertEquals(Optional.empty(), node.identities().app("site"));
    Status missing =
        refusal(
            () ->
                await(
                    apps.revoke()
                        .addHeader("authorization", admin())
                        .invoke(RevokeAppRequest.newBuilder().setName("nobody").build())));
    assertEquals(Status.Code.NOT_FOUND, missing.getCode());
    assertEquals(badNames + 1, refused("bad-app-name"));
    assertEquals(badOrigins + 1, refused("bad-origin"));
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
