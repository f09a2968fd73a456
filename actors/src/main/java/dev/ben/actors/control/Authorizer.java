package dev.ben.actors.control;

import dev.ben.streams.auth.CurrentUsers;
import dev.ben.streams.auth.Principal;
import dev.ben.streams.auth.TokenRejected;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.metrics.MetricsRegistry;
import io.grpc.Status;
import java.util.Locale;
import java.util.Optional;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * Decides whether a control call may go on: its {@code authorization: Bearer <token>} metadata must
 * hold a token this cluster signed and that has not expired (else UNAUTHENTICATED), and the token's
 * role must allow the call (else PERMISSION_DENIED). The token's user must still exist and hold at
 * least the token's role (else UNAUTHENTICATED), as last read within ben.auth.user-cache-ttl. Each
 * refusal is counted in {@code ben_control_refused_total{reason}} and tells the person what to do
 * next.
 */
public final class Authorizer {

  static final String HEADER = "authorization";
  private static final String BEARER = "bearer ";
  private static final String LOG_IN = "log in with `benctl login`";

  private final Tokens tokens;
  private final CurrentUsers users;
  private final RefusalCounter refusals;

  public Authorizer(Tokens tokens, CurrentUsers users, MetricsRegistry metrics) {
    this.tokens = tokens;
    this.users = users;
    this.refusals = new RefusalCounter(metrics);
  }

  /** The caller, if its token allows the operation. */
  public Principal authorize(Metadata metadata, ControlOperation operation) {
    Principal principal = authenticate(metadata);
    if (!principal.role().allows(operation.needs())) {
      throw refuse(
          "forbidden",
          Status.PERMISSION_DENIED,
          "`"
              + operation.verb()
              + "` needs the "
              + operation.needs().label()
              + " role; you are "
              + principal.user()
              + " ("
              + principal.role().label()
              + ")");
    }
    return principal;
  }

  /** The caller its token names, whatever its role. */
  public Principal authenticate(Metadata metadata) {
    Optional<String> header = metadata.getText(HEADER);
    if (header.isEmpty() || header.get().isBlank()) {
      throw refuse("missing_token", Status.UNAUTHENTICATED, "this call needs a token: " + LOG_IN);
    }
    String value = header.get().strip();
    if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw refuse(
          "malformed_token",
          Status.UNAUTHENTICATED,
          "the authorization metadata must be `Bearer <token>`; " + LOG_IN);
    }
    Principal principal;
    try {
      principal = tokens.verify(value.substring(BEARER.length()));
    } catch (TokenRejected rejected) {
      throw refusal(rejected);
    }
    return stillHeld(principal);
  }

  /** The token's principal, if its user still exists and still holds at least the token's role. */
  private Principal stillHeld(Principal principal) {
    return switch (users.standing(principal)) {
      case HELD -> principal;
      case UNKNOWN_USER ->
          throw refuse(
              "unknown_user",
              Status.UNAUTHENTICATED,
              "user `" + principal.user() + "` no longer exists; ask an admin for an account");
      case ROLE_LOWERED ->
          throw refuse(
              "role_lowered",
              Status.UNAUTHENTICATED,
              "your role is now "
                  + users.role(principal.user()).map(UserRole::label).orElse("none")
                  + ", lower than your token's ("
                  + principal.role().label()
                  + "); "
                  + LOG_IN);
    };
  }

  /** Wrong user or password at login, told apart from neither. */
  GrpcServiceException badCredentials() {
    return refuse("bad_credentials", Status.UNAUTHENTICATED, "unknown user or wrong password");
  }

  private GrpcServiceException refusal(TokenRejected rejected) {
    return switch (rejected.reason()) {
      case MISSING ->
          refuse("missing_token", Status.UNAUTHENTICATED, "this call needs a token: " + LOG_IN);
      case MALFORMED ->
          refuse(
              "malformed_token",
              Status.UNAUTHENTICATED,
              "the token is not one this cluster issues; " + LOG_IN);
      case BAD_SIGNATURE ->
          refuse(
              "bad_signature",
              Status.UNAUTHENTICATED,
              "the token was not signed by this cluster (or was altered); " + LOG_IN);
      case EXPIRED ->
          refuse(
              "expired",
              Status.UNAUTHENTICATED,
              "your token expired at "
                  + rejected.expiredAt().map(Object::toString).orElse("an earlier time")
                  + "; log in again with `benctl login`");
      case UNKNOWN_ROLE ->
          refuse(
              "unknown_role",
              Status.UNAUTHENTICATED,
              "the token names a role this cluster does not know; " + LOG_IN);
    };
  }

  private GrpcServiceException refuse(String reason, Status status, String message) {
    refusals.count(reason);
    return new GrpcServiceException(status.withDescription(message));
  }
}
