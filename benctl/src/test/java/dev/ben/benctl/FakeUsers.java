package dev.ben.benctl;

import dev.ben.api.control.CreateUserReply;
import dev.ben.api.control.CreateUserRequest;
import dev.ben.api.control.DeleteUserReply;
import dev.ben.api.control.DeleteUserRequest;
import dev.ben.api.control.ListUsersReply;
import dev.ben.api.control.ListUsersRequest;
import dev.ben.api.control.Role;
import dev.ben.api.control.SetUserRoleRequest;
import dev.ben.api.control.User;
import dev.ben.api.control.UsersServicePowerApi;
import io.grpc.Status;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * The users service of {@link FakeControlServer}: starts with its admin; users it creates get the
 * password {@link #PASSWORD}; deleting the admin is refused as the last admin.
 */
final class FakeUsers implements UsersServicePowerApi {

  static final String PASSWORD = "B".repeat(32);

  private final FakeControlServer server;
  private final Map<String, User> users = new ConcurrentSkipListMap<>();

  FakeUsers(FakeControlServer server) {
    this.server = server;
    users.put(
        FakeControlServer.USER,
        User.newBuilder().setName(FakeControlServer.USER).setRole(Role.ADMIN).build());
  }

  @Override
  public CompletionStage<CreateUserReply> create(CreateUserRequest in, Metadata metadata) {
    User user = User.newBuilder().setName(in.getName()).setRole(in.getRole()).build();
    if (users.putIfAbsent(in.getName(), user) != null) {
      server.record("createUser", in, metadata);
      return FakeControlServer.failed(Status.ALREADY_EXISTS.withDescription("user exists"));
    }
    return server.authorized(
        "createUser",
        in,
        metadata,
        CreateUserReply.newBuilder().setUser(user).setPassword(PASSWORD).build());
  }

  @Override
  public CompletionStage<ListUsersReply> list(ListUsersRequest in, Metadata metadata) {
    return server.authorized(
        "listUsers", in, metadata, ListUsersReply.newBuilder().addAllUsers(users.values()).build());
  }

  @Override
  public CompletionStage<User> setRole(SetUserRoleRequest in, Metadata metadata) {
    User user =
        users.computeIfPresent(
            in.getName(), (name, u) -> u.toBuilder().setRole(in.getRole()).build());
    if (user == null) {
      server.record("setUserRole", in, metadata);
      return FakeControlServer.failed(
          Status.NOT_FOUND.withDescription("no user named " + in.getName()));
    }
    return server.authorized("setUserRole", in, metadata, user);
  }

  @Override
  public CompletionStage<DeleteUserReply> delete(DeleteUserRequest in, Metadata metadata) {
    if (in.getName().equals(FakeControlServer.USER)) {
      server.record("deleteUser", in, metadata);
      return FakeControlServer.failed(
          Status.FAILED_PRECONDITION.withDescription("`admin` is the last admin"));
    }
    users.remove(in.getName());
    return server.authorized(
        "deleteUser", in, metadata, DeleteUserReply.newBuilder().setName(in.getName()).build());
  }
}
