package dev.ben.actors.control;

import dev.ben.api.control.AuthServicePowerApi;
import dev.ben.api.control.Identity;
import dev.ben.api.control.LoginReply;
import dev.ben.api.control.LoginRequest;
import dev.ben.api.control.Role;
import dev.ben.api.control.WhoAmIRequest;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.IssuedToken;
import dev.ben.streams.auth.PasswordCheck;
import dev.ben.streams.auth.Principal;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.auth.UserRole;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * Login exchanges a user's name and password for a token; WhoAmI tells the caller who its token
 * says it is. Checking a password is slow on purpose and the store may be remote, so logins run on
 * the executor for blocking work.
 */
public final class AuthGrpcService implements AuthServicePowerApi {

  private final PasswordCheck passwords;
  private final Tokens tokens;
  private final Authorizer authorizer;
  private final Executor blocking;

  public AuthGrpcService(
      IdentityStore identities, Tokens tokens, Authorizer authorizer, Executor blocking) {
    this.passwords = new PasswordCheck(identities);
    this.tokens = tokens;
    this.authorizer = authorizer;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<LoginReply> login(LoginRequest in, Metadata metadata) {
    return CompletableFuture.supplyAsync(() -> checkPassword(in), blocking)
        .thenApply(
            user -> {
              StoredUser known = user.orElseThrow(authorizer::badCredentials);
              IssuedToken issued = tokens.issue(known.name(), known.role());
              return LoginReply.newBuilder()
                  .setToken(issued.token())
                  .setIdentity(identity(issued.principal()))
                  .build();
            });
  }

  @Override
  public CompletionStage<Identity> whoAmI(WhoAmIRequest in, Metadata metadata) {
    try {
      return CompletableFuture.completedFuture(
          identity(authorizer.authorize(metadata, ControlOperation.WHO_AM_I)));
    } catch (GrpcServiceException refused) {
      return CompletableFuture.failedFuture(refused);
    }
  }

  private Optional<StoredUser> checkPassword(LoginRequest in) {
    return passwords.check(in.getUser(), in.getPassword());
  }

  static Identity identity(Principal principal) {
    return Identity.newBuilder()
        .setUser(principal.user())
        .setRole(role(principal.role()))
        .setExpiresAtMillis(principal.expiresAt().toEpochMilli())
        .build();
  }

  static Role role(UserRole role) {
    return switch (role) {
      case VIEWER -> Role.VIEWER;
      case OPERATOR -> Role.OPERATOR;
      case ADMIN -> Role.ADMIN;
    };
  }
}
