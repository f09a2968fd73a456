package dev.ben.actors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.AuthServiceClient;
import dev.ben.api.control.CreateUserReply;
import dev.ben.api.control.CreateUserRequest;
import dev.ben.api.control.DeleteUserRequest;
import dev.ben.api.control.DeployRequest;
import dev.ben.api.control.LedgerServiceClient;
import dev.ben.api.control.ListPipelinesRequest;
import dev.ben.api.control.ListUsersRequest;
import dev.ben.api.control.LoginRequest;
import dev.ben.api.control.PipelineList;
import dev.ben.api.control.Role;
import dev.ben.api.control.SetUserRoleRequest;
import dev.ben.api.control.StatusRequest;
import dev.ben.api.control.User;
import dev.ben.api.control.UsersServiceClient;
import dev.ben.streams.auth.PasswordHashes;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
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

/** The users service of a node's control API, as an admin uses it through benctl. */
@CapturedLogs
class UsersServiceTest {

  private static TestNode node;
  private static UsersServiceClient users;
  private static AuthServiceClient auth;
  private static LedgerServiceClient ledger;

  @BeforeAll
  static void start() {
    node = new TestNode("ben.node.pass-through-pipelines = []", batch -> {});
    GrpcClientSettings settings =
        GrpcClientSettings.connectToServiceAt(
                "127.0.0.1", node.endpoints.control().port(), node.system)
            .withTls(false);
    users = UsersServiceClient.create(settings, node.system);
    auth = AuthServiceClient.create(settings, node.system);
    ledger = LedgerServiceClient.create(settings, node.system);
  }

  @AfterAll
  static void stop() throws Exception {
    users.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    auth.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    ledger.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.close();
  }

  private static String admin() {
    return "Bearer " + node.adminToken();
  }

  private static CreateUserReply create(String authorization, String name, Role role)
      throws Exception {
    return await(
        users
            .create()
            .addHeader("authorization", authorization)
            .invoke(CreateUserRequest.newBuilder().setName(name).setRole(role).build()));
  }

  private static String logIn(String name, String password) throws Exception {
    return "Bearer "
        + await(
                auth.login()
                    .invoke(LoginRequest.newBuilder().setUser(name).setPassword(password).build()))
            .getToken();
  }

  @Test
  void aCreatedViewerLogsInAndMayReadButNotDeploy() throws Exception {
    CreateUserReply created = create(admin(), "vera", Role.VIEWER);
    assertEquals(User.newBuilder().setName("vera").setRole(Role.VIEWER).build(), created.getUser());
    assertTrue(created.getPassword().length() >= 24, created.getPassword());
    StoredUser stored = node.identities().user("vera").orElseThrow();
    assertEquals(UserRole.VIEWER, stored.role());
    assertTrue(PasswordHashes.matches(created.getPassword(), stored.passwordHash()));
    assertFalse(stored.passwordHash().contains(created.getPassword()));

    String vera = logIn("vera", created.getPassword());
    assertTrue(read(vera).getPipelinesList().isEmpty());
    // Status passes the role check and reaches the ledger, which knows no such pipeline.
    assertEquals(
        Status.Code.NOT_FOUND,
        refusal(
                () ->
                    await(
                        ledger
                            .status()
                            .addHeader("authorization", vera)
                            .invoke(StatusRequest.newBuilder().setPipeline("ping").build())))
            .getCode());
    Status deploy =
        refusal(
            () ->
                await(
                    ledger
                        .deploy()
                        .addHeader("authorization", vera)
                        .invoke(
                            DeployRequest.newBuilder().setPipeline("ping").setVersion(1).build())));
    assertEquals(Status.Code.PERMISSION_DENIED, deploy.getCode());

    List<User> listed =
        await(
                users
                    .list()
                    .addHeader("authorization", admin())
                    .invoke(ListUsersRequest.getDefaultInstance()))
            .getUsersList();
    assertTrue(listed.contains(created.getUser()), listed.toString());
    assertTrue(listed.contains(User.newBuilder().setName("admin").setRole(Role.ADMIN).build()));
    assertEquals(
        Status.Code.ALREADY_EXISTS, refusal(() -> create(admin(), "vera", Role.ADMIN)).getCode());
  }

  @Test
  void anOperatorCannotCreateUsers() throws Exception {
    CreateUserReply created = create(admin(), "olga", Role.OPERATOR);
    String olga = logIn("olga", created.getPassword());
    long forbidden = refused("forbidden");
    Status status = refusal(() -> create(olga, "mallory", Role.ADMIN));
    assertEquals(Status.Code.PERMISSION_DENIED, status.getCode());
    assertEquals(forbidden + 1, refused("forbidden"));
    assertEquals(Optional.empty(), node.identities().user("mallory"));
  }

  @Test
  void theLastAdminCanBeNeitherDeletedNorDemotedNorCanAnAdminRemoveThemselves() throws Exception {
    Status self = refusal(() -> delete(admin(), "admin"));
    assertEquals(Status.Code.FAILED_PRECONDITION, self.getCode());
    assertTrue(self.getDescription().contains("yourself"), self.getDescription());

    // A second admin may give a role that lowers nothing, but not lower their own.
    String password = create(admin(), "ada", Role.ADMIN).getPassword();
    String ada = logIn("ada", password);
    await(
        users
            .setRole()
            .addHeader("authorization", ada)
            .invoke(SetUserRoleRequest.newBuilder().setName("admin").setRole(Role.ADMIN).build()));
    assertEquals(
        Status.Code.FAILED_PRECONDITION,
        refusal(
                () ->
                    await(
                        users
                            .setRole()
                            .addHeader("authorization", ada)
                            .invoke(
                                SetUserRoleRequest.newBuilder()
                                    .setName("ada")
                                    .setRole(Role.VIEWER)
                                    .build())))
            .getCode());
    assertEquals(UserRole.ADMIN, node.identities().user("ada").orElseThrow().role());
    delete(admin(), "ada");
    assertEquals(Optional.empty(), node.identities().user("ada"));
    assertEquals(Status.Code.NOT_FOUND, refusal(() -> delete(admin(), "ada")).getCode());
  }

  @Test
  void aDeletedUsersTokenIsRefused() throws Exception {
    CreateUserReply created = create(admin(), "temp", Role.VIEWER);
    String temp = logIn("temp", created.getPassword());
    // Not used before the delete, so no node remembers the user (ben.auth.user-cache-ttl; how the
    // remembered role expires is CurrentUsersTest's).
    delete(admin(), "temp");
    Status refused = refusal(() -> read(temp));
    assertEquals(Status.Code.UNAUTHENTICATED, refused.getCode());
    assertTrue(refused.getDescription().contains("no longer exists"), refused.getDescription());
  }

  @Test
  void requestsNamingNoRoleOrABadNameAreMalformed() throws Exception {
    assertEquals(
        Status.Code.INVALID_ARGUMENT,
        refusal(() -> create(admin(), "nobody", Role.ROLE_UNSPECIFIED)).getCode());
    assertEquals(
        Status.Code.INVALID_ARGUMENT,
        refusal(() -> create(admin(), "bad name", Role.VIEWER)).getCode());
    assertEquals(Optional.empty(), node.identities().user("nobody"));
  }

  private static PipelineList read(String authorization) throws Exception {
    return await(
        ledger
            .listPipelines()
            .addHeader("authorization", authorization)
            .invoke(ListPipelinesRequest.getDefaultInstance()));
  }

  private static Object delete(String authorization, String name) throws Exception {
    return await(
        users
            .delete()
            .addHeader("authorization", authorization)
            .invoke(DeleteUserRequest.newBuilder().setName(name).build()));
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
