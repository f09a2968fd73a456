package dev.ben.actors.control;

import dev.ben.api.control.CreateUserReply;
import dev.ben.api.control.CreateUserRequest;
import dev.ben.api.control.DeleteUserReply;
import dev.ben.api.control.DeleteUserRequest;
import dev.ben.api.control.ListUsersReply;
import dev.ben.api.control.ListUsersRequest;
import dev.ben.api.control.SetUserRoleRequest;
import dev.ben.api.control.User;
import dev.ben.api.control.UsersServicePowerApi;
import dev.ben.streams.auth.GeneratedPasswords;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.PasswordHashes;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.UserRole;
import io.grpc.Status;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * Admins create users (each with a generated password shown only in the reply), list them, change
 * their roles and delete them; the cluster always keeps an admin ({@link UserChanges}).
 */
public final class UsersGrpcService implements UsersServicePowerApi {

  private final IdentityStore identities;
  private final GeneratedPasswords passwords;
  private final PasswordHashes hashes;
  private final AuthorizedCalls calls;
  private final ControlRequests checks;

  public UsersGrpcService(
      IdentityStore identities,
      GeneratedPasswords passwords,
      PasswordHashes hashes,
      Authorizer authorizer,
      ControlRequests checks,
      Executor blocking) {
    this.identities = identities;
    this.passwords = passwords;
    this.hashes = hashes;
    this.calls = new AuthorizedCalls(authorizer, blocking);
    this.checks = checks;
  }

  @Override
  public CompletionStage<CreateUserReply> create(CreateUserRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.CREATE_USER,
        who -> {
          checks.user(in.getName());
          UserRole role = checks.role(in.getRole());
          String password = passwords.next();
          StoredUser user = new StoredUser(in.getName(), role, hashes.hash(password));
          if (!identities.createUser(user)) {
            throw new GrpcServiceException(
                Status.ALREADY_EXISTS.withDescription(
                    "user `"
                        + in.getName()
                        + "` exists (see `benctl users list`); choose another name"));
          }
          return CreateUserReply.newBuilder().setUser(user(user)).setPassword(password).build();
        });
  }

  @Override
  public CompletionStage<ListUsersReply> list(ListUsersRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.LIST_USERS,
        who ->
            ListUsersReply.newBuilder()
                .addAllUsers(identities.users().stream().map(UsersGrpcService::user).toList())
                .build());
  }

  @Override
  public CompletionStage<User> setRole(SetUserRoleRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.SET_USER_ROLE,
        who -> {
          checks.user(in.getName());
          UserRole role = checks.role(in.getRole());
          StoredUser target = existing(in.getName());
          refuseIf(UserChanges.refuseRole(who, target, role, identities.users()));
          return user(
              identities.setUserRole(in.getName(), role).orElseThrow(() -> missing(in.getName())));
        });
  }

  @Override
  public CompletionStage<DeleteUserReply> delete(DeleteUserRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.DELETE_USER,
        who -> {
          checks.user(in.getName());
          StoredUser target = existing(in.getName());
          refuseIf(UserChanges.refuseDelete(who, target, identities.users()));
          if (!identities.deleteUser(in.getName())) {
            throw missing(in.getName());
          }
          return DeleteUserReply.newBuilder().setName(in.getName()).build();
        });
  }

  private StoredUser existing(String name) {
    return identities.user(name).orElseThrow(() -> missing(name));
  }

  private static GrpcServiceException missing(String name) {
    return new GrpcServiceException(
        Status.NOT_FOUND.withDescription("no user named `" + name + "`; see `benctl users list`"));
  }

  private static void refuseIf(Optional<String> reason) {
    if (reason.isPresent()) {
      throw new GrpcServiceException(Status.FAILED_PRECONDITION.withDescription(reason.get()));
    }
  }

  static User user(StoredUser user) {
    return User.newBuilder()
        .setName(user.name())
        .setRole(AuthGrpcService.role(user.role()))
        .build();
  }
}
