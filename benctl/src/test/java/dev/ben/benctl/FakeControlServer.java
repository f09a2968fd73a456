package dev.ben.benctl;

import com.typesafe.config.ConfigFactory;
import dev.ben.api.control.App;
import dev.ben.api.control.AppsServicePowerApi;
import dev.ben.api.control.AppsServicePowerApiHandlerFactory;
import dev.ben.api.control.AuthServicePowerApi;
import dev.ben.api.control.AuthServicePowerApiHandlerFactory;
import dev.ben.api.control.BacktestServicePowerApi;
import dev.ben.api.control.BacktestServicePowerApiHandlerFactory;
import dev.ben.api.control.CreateAppReply;
import dev.ben.api.control.CreateAppRequest;
import dev.ben.api.control.DeployRequest;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.DiffRequest;
import dev.ben.api.control.Identity;
import dev.ben.api.control.LedgerServicePowerApi;
import dev.ben.api.control.LedgerServicePowerApiHandlerFactory;
import dev.ben.api.control.LifecycleRequest;
import dev.ben.api.control.ListAppsReply;
import dev.ben.api.control.ListAppsRequest;
import dev.ben.api.control.ListPipelinesRequest;
import dev.ben.api.control.LoginReply;
import dev.ben.api.control.LoginRequest;
import dev.ben.api.control.PipelineList;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.RevokeAppRequest;
import dev.ben.api.control.Role;
import dev.ben.api.control.StageReply;
import dev.ben.api.control.StageRequest;
import dev.ben.api.control.StatusRequest;
import dev.ben.api.control.TrustServicePowerApi;
import dev.ben.api.control.TrustServicePowerApiHandlerFactory;
import dev.ben.api.control.UsersServicePowerApi;
import dev.ben.api.control.UsersServicePowerApiHandlerFactory;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionRef;
import dev.ben.api.control.WhoAmIRequest;
import dev.ben.api.events.EventLogServicePowerApi;
import dev.ben.api.events.EventLogServicePowerApiHandlerFactory;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.grpc.javadsl.ServiceHandler;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;

/**
 * A control API on 127.0.0.1, in cleartext or over TLS, with one user, {@code admin}/{@code
 * secret}, that records every call and the authorization metadata it carried. Tokens are whatever
 * it issued or was told to accept; pipeline {@code forbidden} answers PERMISSION_DENIED, everything
 * else a plain status. Apps it creates get the key {@code ben_app_<name>_<KEY_SECRET>}.
 */
public final class FakeControlServer implements AutoCloseable {

  public static final String USER = "admin";
  public static final String PASSWORD = "secret";
  public static final String KEY_SECRET = "A".repeat(43);

  /** One call: the method, the request and the authorization metadata, if any. */
  public record Call(String method, Object request, Optional<String> authorization) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile DiffReply diffReply = DiffReply.getDefaultInstance();
  private final Map<String, Identity> tokens = new ConcurrentHashMap<>();

  /** Records a call the fake refuses before looking at its token. */
  void record(String method, Object request, Metadata metadata) {
    calls.add(new Call(method, request, metadata.getText("authorization")));
  }

  private final Map<String, App> apps = new java.util.concurrent.ConcurrentSkipListMap<>();
  private final ActorSystem system;
  private final ServerBinding binding;

  /** A server speaking cleartext h2, as a node without {@code ben.tls}. */
  public FakeControlServer() throws Exception {
    this(null);
  }

  /**
   * A server speaking h2 over TLS with {@code https}, as a node with {@code ben.tls}; cleartext
   * when null.
   */
  // concatOrNotFound takes generic varargs; the handlers are of exactly its type.
  @SuppressWarnings("unchecked")
  public FakeControlServer(SSLContext https) throws Exception {
    system =
        ActorSystem.create(
            "fake-control",
            ConfigFactory.parseString("pekko.loglevel = ERROR\npekko.stdout-loglevel = OFF")
                .withFallback(ConfigFactory.load()));
    var handler =
        ServiceHandler.concatOrNotFound(
            AuthServicePowerApiHandlerFactory.partial(new Auth(), AuthServicePowerApi.name, system),
            LedgerServicePowerApiHandlerFactory.partial(
                new Ledger(), LedgerServicePowerApi.name, system),
            AppsServicePowerApiHandlerFactory.partial(new Apps(), AppsServicePowerApi.name, system),
            UsersServicePowerApiHandlerFactory.partial(
                new FakeUsers(this), UsersServicePowerApi.name, system),
            TrustServicePowerApiHandlerFactory.partial(
                new FakeTrust(this), TrustServicePowerApi.name, system),
            EventLogServicePowerApiHandlerFactory.partial(
                new FakeEvents(this), EventLogServicePowerApi.name, system),
            BacktestServicePowerApiHandlerFactory.partial(
                new FakeBacktest(this), BacktestServicePowerApi.name, system));
    ServerBuilder server =
        Http.get(system)
            .newServerAt("127.0.0.1", 0)
            .adaptSettings(settings -> settings.withEnableHttp2(true));
    if (https != null) {
      server = server.enableHttps(ConnectionContext.httpsServer(https));
    }
    binding = server.bind(handler).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public String address() {
    return "127.0.0.1:" + binding.localAddress().getPort();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** What every later {@code Diff} call answers. */
  public void answerDiff(DiffReply reply) {
    diffReply = reply;
  }

  /** Accepts {@code token} as standing for {@code identity}. */
  public void accept(String token, Identity identity) {
    tokens.put(token, identity);
  }

  public static Identity admin(long expiresAtMillis) {
    return Identity.newBuilder()
        .setUser(USER)
        .setRole(Role.ADMIN)
        .setExpiresAtMillis(expiresAtMillis)
        .build();
  }

  @Override
  public void close() {
    try {
      binding.terminate(Duration.ofSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the fake control server did not stop", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      system.terminate();
    }
  }

  <T> CompletionStage<T> authorized(String method, Object request, Metadata metadata, T reply) {
    Optional<String> authorization = metadata.getText("authorization");
    calls.add(new Call(method, request, authorization));
    String token = authorization.map(header -> header.replaceFirst("^Bearer ", "")).orElse("");
    if (!tokens.containsKey(token)) {
      return failed(Status.UNAUTHENTICATED.withDescription("invalid or expired token"));
    }
    return CompletableFuture.completedFuture(reply);
  }

  static <T> CompletionStage<T> failed(Status status) {
    return CompletableFuture.failedFuture(new GrpcServiceException(status));
  }

  private final class Auth implements AuthServicePowerApi {
    @Override
    public CompletionStage<LoginReply> login(LoginRequest in, Metadata metadata) {
      calls.add(new Call("login", in, metadata.getText("authorization")));
      if (!in.getUser().equals(USER) || !in.getPassword().equals(PASSWORD)) {
        return failed(Status.UNAUTHENTICATED.withDescription("wrong user or password"));
      }
      String token = "token-" + calls.size();
      Identity identity = admin(System.currentTimeMillis() + 3_600_000);
      tokens.put(token, identity);
      return CompletableFuture.completedFuture(
          LoginReply.newBuilder().setToken(token).setIdentity(identity).build());
    }

    @Override
    public CompletionStage<Identity> whoAmI(WhoAmIRequest in, Metadata metadata) {
      String token = metadata.getText("authorization").orElse("").replaceFirst("^Bearer ", "");
      return authorized(
          "whoAmI", in, metadata, tokens.getOrDefault(token, Identity.getDefaultInstance()));
    }
  }

  private final class Ledger implements LedgerServicePowerApi {
    private PipelineStatus status(String pipeline) {
      return PipelineStatus.newBuilder().setPipeline(pipeline).build();
    }

    @Override
    public CompletionStage<PipelineStatus> status(StatusRequest in, Metadata metadata) {
      if (in.getPipeline().equals("forbidden")) {
        calls.add(new Call("status", in, metadata.getText("authorization")));
        return failed(
            Status.PERMISSION_DENIED.withDescription("role viewer may not see forbidden"));
      }
      return authorized("status", in, metadata, status(in.getPipeline()));
    }

    @Override
    public CompletionStage<PipelineStatus> deploy(DeployRequest in, Metadata metadata) {
      return authorized("deploy", in, metadata, status(in.getPipeline()));
    }

    @Override
    public CompletionStage<PipelineStatus> rollback(DeployRequest in, Metadata metadata) {
      return authorized("rollback", in, metadata, status(in.getPipeline()));
    }

    @Override
    public CompletionStage<PipelineStatus> changeLifecycle(LifecycleRequest in, Metadata metadata) {
      return authorized("changeLifecycle", in, metadata, status(in.getPipeline()));
    }

    @Override
    public CompletionStage<StageReply> stage(StageRequest in, Metadata metadata) {
      return authorized("stage", in, metadata, StageReply.getDefaultInstance());
    }

    @Override
    public CompletionStage<VersionInfo> unstage(VersionRef in, Metadata metadata) {
      return authorized("unstage", in, metadata, VersionInfo.getDefaultInstance());
    }

    @Override
    public CompletionStage<DiffReply> diff(DiffRequest in, Metadata metadata) {
      return authorized("diff", in, metadata, diffReply);
    }

    @Override
    public CompletionStage<PipelineList> listPipelines(ListPipelinesRequest in, Metadata metadata) {
      return authorized("listPipelines", in, metadata, PipelineList.getDefaultInstance());
    }
  }

  private final class Apps implements AppsServicePowerApi {
    @Override
    public CompletionStage<CreateAppReply> create(CreateAppRequest in, Metadata metadata) {
      App app =
          App.newBuilder()
              .setName(in.getName())
              .setCreatedAtMillis(1_700_000_000_000L)
              .setCreatedBy(USER)
              .addAllBeaconOrigins(in.getBeaconOriginsList())
              .build();
      if (apps.putIfAbsent(in.getName(), app) != null) {
        calls.add(new Call("createApp", in, metadata.getText("authorization")));
        return failed(Status.ALREADY_EXISTS.withDescription("app exists"));
      }
      return authorized(
          "createApp",
          in,
          metadata,
          CreateAppReply.newBuilder()
              .setApp(app)
              .setKey("ben_app_" + in.getName() + "_" + KEY_SECRET)
              .build());
    }

    @Override
    public CompletionStage<ListAppsReply> list(ListAppsRequest in, Metadata metadata) {
      return authorized(
          "listApps", in, metadata, ListAppsReply.newBuilder().addAllApps(apps.values()).build());
    }

    @Override
    public CompletionStage<App> revoke(RevokeAppRequest in, Metadata metadata) {
      App app = apps.get(in.getName());
      if (app == null) {
        calls.add(new Call("revokeApp", in, metadata.getText("authorization")));
        return failed(Status.NOT_FOUND.withDescription("no app named " + in.getName()));
      }
      App revoked = app.toBuilder().setRevoked(true).setRevokedAtMillis(1_700_000_060_000L).build();
      apps.put(in.getName(), revoked);
      return authorized("revokeApp", in, metadata, revoked);
    }
  }
}
