package dev.ben.actors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.AppsServiceClient;
import dev.ben.api.control.AuthServiceClient;
import dev.ben.api.control.CreateAppRequest;
import dev.ben.api.control.CreateUserRequest;
import dev.ben.api.control.DeleteUserRequest;
import dev.ben.api.control.DeployRequest;
import dev.ben.api.control.DiffRequest;
import dev.ben.api.control.LedgerServiceClient;
import dev.ben.api.control.LifecycleAction;
import dev.ben.api.control.LifecycleRequest;
import dev.ben.api.control.ListAppsRequest;
import dev.ben.api.control.ListPipelinesRequest;
import dev.ben.api.control.ListUsersRequest;
import dev.ben.api.control.LoginReply;
import dev.ben.api.control.LoginRequest;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.RevokeAppRequest;
import dev.ben.api.control.Role;
import dev.ben.api.control.SetUserRoleRequest;
import dev.ben.api.control.StageRequest;
import dev.ben.api.control.StatusRequest;
import dev.ben.api.control.UsersServiceClient;
import dev.ben.api.control.VersionRef;
import dev.ben.api.control.WhoAmIRequest;
import dev.ben.streams.auth.PasswordHashes;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.metrics.Labels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API of a real node refuses whoever it must: every call without a valid token, and
 * every call beyond the caller's role. Each refusal has its status, is counted, and changes nothing
 * the ledger holds; the ledger records the authenticated user, never what the request claims.
 */
@CapturedLogs
class ControlAccessTest {

  private static final String PIPELINE = PingContracts.PIPELINE;

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keyDir;

  private static PingContracts contracts;
  private static TestNode node;
  private static LedgerServiceClient ledger;
  private static AuthServiceClient auth;
  private static AppsServiceClient apps;
  private static UsersServiceClient users;

  @BeforeAll
  static void start() throws Exception {
    contracts = new PingContracts(keyDir);
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            batch -> {});
    // The people whose tokens the tests issue; only alice also logs in.
    node.identities().createUser(new StoredUser("vera", UserRole.VIEWER, "unused"));
    node.identities()
        .createUser(
            new StoredUser(
                "alice",
                UserRole.OPERATOR,
                new PasswordHashes(new SecureRandom()).hash("pw-of-alice")));
    GrpcClientSettings settings =
        GrpcClientSettings.connectToServiceAt(
                "127.0.0.1", node.endpoints.control().port(), node.system)
            .withTls(false);
    ledger = LedgerServiceClient.create(settings, node.system);
    auth = AuthServiceClient.create(settings, node.system);
    apps = AppsServiceClient.create(settings, node.system);
    users = UsersServiceClient.create(settings, node.system);
    await(send(ledger.stage(), admin(), stageRequest("test")));
  }

  @AfterAll
  static void stop() throws Exception {
    ledger.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    auth.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    apps.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    users.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.close();
  }

  /** Every call of the control API but Login, as benctl makes it with this authorization. */
  private static Map<String, CallWith> calls() {
    Map<String, CallWith> calls = new LinkedHashMap<>();
    calls.put("stage", a -> send(ledger.stage(), a, stageRequest("test")));
    calls.put(
        "unstage",
        a ->
            send(
                ledger.unstage(),
                a,
                VersionRef.newBuilder().setPipeline(PIPELINE).setVersion(1).build()));
    calls.put("deploy", a -> send(ledger.deploy(), a, deploy()));
    calls.put("rollback", a -> send(ledger.rollback(), a, deploy()));
    calls.put("status", a -> send(ledger.status(), a, status()));
    calls.put(
        "diff",
        a -> send(ledger.diff(), a, DiffRequest.newBuilder().setPipeline(PIPELINE).build()));
    calls.put(
        "list", a -> send(ledger.listPipelines(), a, ListPipelinesRequest.getDefaultInstance()));
    for (LifecycleAction action :
        new LifecycleAction[] {
          LifecycleAction.PAUSE,
          LifecycleAction.RESUME,
          LifecycleAction.ARCHIVE,
          LifecycleAction.DELETE
        }) {
      calls.put(action.name().toLowerCase(java.util.Locale.ROOT), a -> lifecycle(a, action));
    }
    calls.put("whoami", a -> send(auth.whoAmI(), a, WhoAmIRequest.getDefaultInstance()));
    calls.put(
        "apps create",
        a -> send(apps.create(), a, CreateAppRequest.newBuilder().setName("intruder").build()));
    calls.put("apps list", a -> send(apps.list(), a, ListAppsRequest.getDefaultInstance()));
    calls.put(
        "apps revoke",
        a -> send(apps.revoke(), a, RevokeAppRequest.newBuilder().setName("intruder").build()));
    calls.put(
        "users create",
        a ->
            send(
                users.create(),
                a,
                CreateUserRequest.newBuilder().setName("intruder").setRole(Role.ADMIN).build()));
    calls.put("users list", a -> send(users.list(), a, ListUsersRequest.getDefaultInstance()));
    calls.put(
        "users set-role",
        a ->
            send(
                users.setRole(),
                a,
                SetUserRoleRequest.newBuilder().setName("admin").setRole(Role.VIEWER).build()));
    calls.put(
        "users delete",
        a -> send(users.delete(), a, DeleteUserRequest.newBuilder().setName("admin").build()));
    return calls;
  }

  /** A call made with an authorization header (null: none). */
  private interface CallWith {
    CompletionStage<?> call(String authorization);
  }

  @Test
  void callsWithoutAValidTokenAreRefusedCountedAndChangeNothing() throws Exception {
    Tokens otherCluster =
        new Tokens(filled(9), Duration.ofHours(1), Duration.ZERO, Clock.systemUTC());
    Map<String, Credential> credentials = new LinkedHashMap<>();
    credentials.put("none", new Credential(null, "missing_token", "benctl login"));
    credentials.put(
        "forged",
        new Credential(
            bearer(otherCluster.issue("admin", UserRole.ADMIN).token()),
            "bad_signature",
            "not signed by this cluster"));
    credentials.put(
        "tampered",
        new Credential(bearer(tampered()), "bad_signature", "not signed by this cluster"));
    credentials.put(
        "expired",
        new Credential(
            bearer(node.tokens().issue("admin", UserRole.ADMIN, Duration.ofMinutes(-10)).token()),
            "expired",
            "your token expired at "));

    for (var credential : credentials.entrySet()) {
      Credential c = credential.getValue();
      PipelineStatus before = snapshot();
      long counted = refused(c.reason());
      for (var call : calls().entrySet()) {
        Status status = refusal(call.getValue().call(c.authorization()));
        String what = credential.getKey() + " " + call.getKey();
        assertEquals(Status.Code.UNAUTHENTICATED, status.getCode(), what);
        assertTrue(
            status.getDescription().contains(c.told()), what + ": " + status.getDescription());
      }
      assertEquals(counted + calls().size(), refused(c.reason()), credential.getKey());
      assertEquals(before, snapshot(), credential.getKey() + " changed the pipeline");
    }
  }

  @Test
  void callsBeyondTheRoleAreDeniedCountedAndChangeNothing() throws Exception {
    String viewer = bearer(node.tokens().issue("vera", UserRole.VIEWER).token());
    String operator = bearer(node.tokens().issue("alice", UserRole.OPERATOR).token());
    PipelineStatus before = snapshot();
    long counted = refused("forbidden");

    Status deploy = refusal(calls().get("deploy").call(viewer));
    assertEquals(Status.Code.PERMISSION_DENIED, deploy.getCode());
    assertEquals(
        "`deploy` needs the operator role; you are vera (viewer)", deploy.getDescription());
    for (String call : new String[] {"stage", "unstage", "rollback", "pause", "resume"}) {
      assertEquals(
          Status.Code.PERMISSION_DENIED, refusal(calls().get(call).call(viewer)).getCode(), call);
    }
    Status delete = refusal(calls().get("delete").call(operator));
    assertEquals(Status.Code.PERMISSION_DENIED, delete.getCode());
    assertEquals(
        "`delete` needs the admin role; you are alice (operator)", delete.getDescription());
    assertEquals(
        Status.Code.PERMISSION_DENIED, refusal(calls().get("archive").call(operator)).getCode());

    for (String call :
        new String[] {
          "apps create",
          "apps list",
          "apps revoke",
          "users create",
          "users list",
          "users set-role",
          "users delete"
        }) {
      Status status = refusal(calls().get(call).call(operator));
      assertEquals(Status.Code.PERMISSION_DENIED, status.getCode(), call);
      assertTrue(status.getDescription().contains("needs the admin role"), call);
    }
    assertTrue(node.identities().apps().isEmpty(), "no app was created");
    assertEquals(Optional.empty(), node.identities().user("intruder"));
    assertEquals(UserRole.ADMIN, node.identities().user("admin").orElseThrow().role());

    assertEquals(counted + 15, refused("forbidden"));
    assertEquals(before, snapshot());
    assertEquals(PIPELINE, await(send(ledger.status(), viewer, status())).getPipeline());
  }

  @Test
  void theInitialAdminLogsInAndHistoryNamesTheUserNotTheClaimedSource() throws Exception {
    String password = Files.readString(node.initialAdminFile()).strip();
    LoginReply login = await(auth.login(login("admin", password)));
    assertEquals("admin", login.getIdentity().getUser());
    assertEquals(dev.ben.api.control.Role.ADMIN, login.getIdentity().getRole());
    String token = bearer(login.getToken());
    assertEquals(
        "admin", await(send(auth.whoAmI(), token, WhoAmIRequest.getDefaultInstance())).getUser());

    String alice = bearer(await(auth.login(login("alice", "pw-of-alice"))).getToken());
    await(send(ledger.stage(), alice, stageRequest("root\nstaged v9 by admin")));
    var last = snapshot().getHistoryList().get(snapshot().getHistoryCount() - 1);
    assertEquals("staged", last.getType());
    assertEquals("alice", last.getSource());
  }

  @Test
  void wrongCredentialsGiveNoHintWhichPartWasWrong() throws Exception {
    long counted = refused("bad_credentials");
    Status wrongPassword = refusal(auth.login(login("admin", "guess")));
    Status unknownUser = refusal(auth.login(login("nobody", "guess")));
    assertEquals(Status.Code.UNAUTHENTICATED, wrongPassword.getCode());
    assertEquals("unknown user or wrong password", wrongPassword.getDescription());
    assertEquals(wrongPassword.getCode(), unknownUser.getCode());
    assertEquals(wrongPassword.getDescription(), unknownUser.getDescription());
    assertEquals(counted + 2, refused("bad_credentials"));
  }

  private record Credential(String authorization, String reason, String told) {}

  private static <I, O> CompletionStage<O> send(
      SingleResponseRequestBuilder<I, O> builder, String authorization, I in) {
    return (authorization == null ? builder : builder.addHeader("authorization", authorization))
        .invoke(in);
  }

  private static <T> T await(CompletionStage<T> call) throws Exception {
    return call.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static Status refusal(CompletionStage<?> call) throws Exception {
    try {
      call.toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return ((StatusRuntimeException) e.getCause()).getStatus();
    }
    throw new AssertionError("the call was not refused");
  }

  /** The pipeline as the ledger holds it: lifecycle, versions and every recorded event. */
  private static PipelineStatus snapshot() throws Exception {
    PipelineStatus status = await(send(ledger.status(), admin(), status()));
    return status.toBuilder().clearComponents().build();
  }

  private static long refused(String reason) {
    return node.metrics.value("ben_control_refused_total", Labels.of("reason", reason));
  }

  private static String admin() {
    return bearer(node.adminToken());
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  /** A viewer's token whose payload was edited to claim the admin role. */
  private static String tampered() {
    String[] parts = node.tokens().issue("vera", UserRole.VIEWER).token().split("\\.");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("VIEWER", "ADMIN");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  private static byte[] filled(int value) {
    byte[] secret = new byte[Tokens.SECRET_BYTES];
    Arrays.fill(secret, (byte) value);
    return secret;
  }

  private static StageRequest stageRequest(String source) {
    return StageRequest.newBuilder()
        .setBundle(ByteString.copyFrom(contracts.bundle(10)))
        .setSource(source)
        .build();
  }

  private static DeployRequest deploy() {
    return DeployRequest.newBuilder().setPipeline(PIPELINE).setVersion(1).build();
  }

  private static StatusRequest status() {
    return StatusRequest.newBuilder().setPipeline(PIPELINE).setHistory(true).build();
  }

  private static CompletionStage<PipelineStatus> lifecycle(
      String authorization, LifecycleAction action) {
    return send(
        ledger.changeLifecycle(),
        authorization,
        LifecycleRequest.newBuilder().setPipeline(PIPELINE).setAction(action).build());
  }

  private static LoginRequest login(String user, String password) {
    return LoginRequest.newBuilder().setUser(user).setPassword(password).build();
  }
}
