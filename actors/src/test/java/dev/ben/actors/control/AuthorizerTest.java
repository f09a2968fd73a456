package dev.ben.actors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.LifecycleAction;
import dev.ben.streams.auth.CurrentUsers;
import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.RocksIdentityStore;
import dev.ben.streams.auth.StoredUser;
import dev.ben.streams.auth.Tokens;
import dev.ben.streams.auth.UserRole;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.grpc.javadsl.MetadataBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions of {@link Authorizer}, without a node: who may do what, and what they are told. */
class AuthorizerTest {

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final Tokens tokens = new Tokens(secret(), Duration.ofHours(1), Duration.ZERO, clock());
  @TempDir Path dir;
  private RocksIndex index;
  private IdentityStore store;
  private Authorizer authorizer;

  @BeforeEach
  void open() {
    index = RocksIndex.open(dir.resolve("index"));
    store = new RocksIdentityStore(index);
    for (String user : new String[] {"u", "alice", "bob"}) {
      store.createUser(new StoredUser(user, UserRole.ADMIN, "hash"));
    }
    authorizer = new Authorizer(tokens, new CurrentUsers(store, Duration.ofMinutes(1)), metrics);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private static byte[] secret() {
    byte[] secret = new byte[Tokens.SECRET_BYTES];
    Arrays.fill(secret, (byte) 7);
    return secret;
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  private Metadata bearer(String user, UserRole role) {
    return header("Bearer " + tokens.issue(user, role).token());
  }

  private static Metadata header(String value) {
    return new MetadataBuilder().addText(Authorizer.HEADER, value).build();
  }

  private Status refused(Metadata metadata, ControlOperation operation) {
    return assertThrows(GrpcServiceException.class, () -> authorizer.authorize(metadata, operation))
        .getStatus();
  }

  private long counted(String reason) {
    return metrics.value(RefusalCounter.METRIC, Labels.of("reason", reason));
  }

  @Test
  void eachRoleMayDoExactlyWhatItsTableAllows() {
    for (ControlOperation operation : ControlOperation.values()) {
      for (UserRole role : UserRole.values()) {
        boolean allowed =
            switch (operation) {
              case STATUS,
                  DIFF,
                  LIST_PIPELINES,
                  WHO_AM_I,
                  READ_EVENTS,
                  PUBLISH_EVENT,
                  CONSUME_EVENTS ->
                  true;
              case STAGE, UNSTAGE, DEPLOY, ROLLBACK, PAUSE, RESUME, BACKTEST, UNNAMED_LIFECYCLE ->
                  role != UserRole.VIEWER;
              case ARCHIVE,
                  DELETE,
                  CREATE_APP,
                  LIST_APPS,
                  REVOKE_APP,
                  CREATE_USER,
                  LIST_USERS,
                  SET_USER_ROLE,
                  DELETE_USER,
                  ADD_TRUSTED_KEY,
                  LIST_TRUSTED_KEYS,
                  REMOVE_TRUSTED_KEY,
                  REGISTER_COMPONENT,
                  LIST_COMPONENTS ->
                  role == UserRole.ADMIN;
            };
        Metadata token = bearer("u", role);
        if (allowed) {
          assertEquals("u", authorizer.authorize(token, operation).user());
        } else {
          assertEquals(Status.Code.PERMISSION_DENIED, refused(token, operation).getCode());
        }
      }
    }
  }

  @Test
  void beyondTheRoleTheRefusalNamesTheVerbTheRoleNeededAndTheCaller() {
    Status status = refused(bearer("alice", UserRole.OPERATOR), ControlOperation.DELETE);
    assertEquals(
        "`delete` needs the admin role; you are alice (operator)", status.getDescription());
    assertEquals(1, counted("forbidden"));
  }

  @Test
  void lifecycleActionsNeedTheirOwnRoles() {
    assertEquals(ControlOperation.PAUSE, ControlOperation.lifecycle(LifecycleAction.PAUSE));
    assertEquals(ControlOperation.RESUME, ControlOperation.lifecycle(LifecycleAction.RESUME));
    assertEquals(ControlOperation.ARCHIVE, ControlOperation.lifecycle(LifecycleAction.ARCHIVE));
    assertEquals(ControlOperation.DELETE, ControlOperation.lifecycle(LifecycleAction.DELETE));
    assertEquals(
        ControlOperation.UNNAMED_LIFECYCLE,
        ControlOperation.lifecycle(LifecycleAction.LIFECYCLE_ACTION_UNSPECIFIED));
  }

  @Test
  void noTokenTellsThePersonToLogIn() {
    Status status = refused(MetadataBuilder.empty(), ControlOperation.STATUS);
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode());
    assertTrue(status.getDescription().contains("benctl login"), status.getDescription());
    assertEquals(
        Status.Code.UNAUTHENTICATED, refused(header(" "), ControlOperation.STATUS).getCode());
    assertEquals(2, counted("missing_token"));
  }

  @Test
  void aHeaderThatIsNoBearerTokenIsMalformed() {
    assertEquals(
        Status.Code.UNAUTHENTICATED,
        refused(header("Basic YWxpY2U6"), ControlOperation.STATUS).getCode());
    assertEquals(
        Status.Code.UNAUTHENTICATED,
        refused(header("Bearer junk"), ControlOperation.STATUS).getCode());
    assertEquals(2, counted("malformed_token"));
  }

  @Test
  void anExpiredTokenSaysWhenItExpired() {
    var issued = tokens.issue("alice", UserRole.ADMIN, Duration.ofMinutes(-5));
    Status status = refused(header("Bearer " + issued.token()), ControlOperation.STATUS);
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode());
    assertEquals(
        "your token expired at "
            + issued.principal().expiresAt()
            + "; log in again with `benctl login`",
        status.getDescription());
    assertEquals(1, counted("expired"));
  }

  @Test
  void theBearerSchemeIsReadWhateverItsCase() {
    String token = tokens.issue("bob", UserRole.VIEWER).token();
    assertEquals(
        "bob", authorizer.authorize(header("bearer " + token), ControlOperation.STATUS).user());
  }

  @Test
  void aTokenOfAUserWhoNoLongerExistsIsRefused() {
    Status status = refused(bearer("ghost", UserRole.ADMIN), ControlOperation.STATUS);
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode());
    assertTrue(status.getDescription().contains("no longer exists"), status.getDescription());
    assertEquals(1, counted("unknown_user"));
  }

  @Test
  void aTokenCarryingMoreThanTheUsersRoleNowIsRefused() {
    store.createUser(new StoredUser("dora", UserRole.VIEWER, "hash"));
    Status status = refused(bearer("dora", UserRole.ADMIN), ControlOperation.STATUS);
    assertEquals(Status.Code.UNAUTHENTICATED, status.getCode());
    assertTrue(status.getDescription().contains("benctl login"), status.getDescription());
    assertEquals(1, counted("role_lowered"));
    assertEquals(
        "dora",
        authorizer.authorize(bearer("dora", UserRole.VIEWER), ControlOperation.STATUS).user());
  }
}
