package dev.ben.benctl.remote;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.api.control.AppsServiceClient;
import dev.ben.api.control.AuthServiceClient;
import dev.ben.api.control.BacktestBundleReply;
import dev.ben.api.control.BacktestBundleRequest;
import dev.ben.api.control.BacktestProgress;
import dev.ben.api.control.BacktestRequest;
import dev.ben.api.control.BacktestResult;
import dev.ben.api.control.BacktestServiceClient;
import dev.ben.api.control.LedgerServiceClient;
import dev.ben.api.control.LoginReply;
import dev.ben.api.control.LoginRequest;
import dev.ben.api.control.TrustServiceClient;
import dev.ben.api.control.UsersServiceClient;
import dev.ben.api.events.EventLogServiceClient;
import dev.ben.benctl.command.CommandFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.apache.pekko.grpc.javadsl.PekkoGrpcClient;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;
import org.apache.pekko.stream.Materializer;

/**
 * One call to the control API: a quiet local actor system and a gRPC client that live only as long
 * as the command. Every call but Login presents the target's token as {@code authorization: Bearer
 * ...} metadata, attached here so no command can forget it; {@link StatusFailures} turns gRPC
 * statuses into exit codes. The {@link Transport} says cleartext or TLS, and which CA to trust.
 */
public final class ControlConnection {

  static final String AUTHORIZATION = "authorization";

  // benctl is a short-lived process: no dead-letter chatter, no logging to stdout (it carries
  // command output).
  private static final Config QUIET =
      ConfigFactory.parseString(
              """
      pekko.loglevel = "ERROR"
      pekko.stdout-loglevel = "OFF"
      pekko.log-dead-letters = off
      pekko.log-dead-letters-during-shutdown = off
      pekko.actor.provider = local
      pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
      """)
          .withFallback(ConfigFactory.defaultReference());

  private ControlConnection() {}

  /** Calls a ledger method, e.g. {@code ledger(target, timeout, c -> c.deploy(), request)}. */
  public static <Q, R> R ledger(
      Target target,
      Duration timeout,
      Function<LedgerServiceClient, SingleResponseRequestBuilder<Q, R>> method,
      Q request) {
    return authorized(target, timeout, LedgerServiceClient::create, method, request, "ledger");
  }

  /** Calls an auth method other than Login, e.g. {@code c -> c.whoAmI()}. */
  public static <Q, R> R auth(
      Target target,
      Duration timeout,
      Function<AuthServiceClient, SingleResponseRequestBuilder<Q, R>> method,
      Q request) {
    return authorized(target, timeout, AuthServiceClient::create, method, request, "login");
  }

  /** Calls an apps method, e.g. {@code c -> c.create()}. */
  public static <Q, R> R apps(
      Target target,
      Duration timeout,
      Function<AppsServiceClient, SingleResponseRequestBuilder<Q, R>> method,
      Q request) {
    return authorized(target, timeout, AppsServiceClient::create, method, request, "apps");
  }

  /** Calls a users method, e.g. {@code c -> c.create()}. */
  public static <Q, R> R users(
      Target target,
      Duration timeout,
      Function<UsersServiceClient, SingleResponseRequestBuilder<Q, R>> method,
      Q request) {
    return authorized(target, timeout, UsersServiceClient::create, method, request, "users");
  }

  /** Calls a trust method, e.g. {@code c -> c.add()}. */
  public static <Q, R> R trust(
      Target target,
      Duration timeout,
      Function<TrustServiceClient, SingleResponseRequestBuilder<Q, R>> method,
      Q request) {
    return authorized(target, timeout, TrustServiceClient::create, method, request, "trust");
  }

  /** Calls an event-log method, e.g. {@code c -> c.read()}. */
  public static <Q, R> R events(
      Target target,
      Duration timeout,
      Function<EventLogServiceClient, SingleResponseRequestBuilder<Q, R>> method,
      Q request) {
    return authorized(target, timeout, EventLogServiceClient::create, method, request, "event log");
  }

  /** A version's bundle for a backtest run here. */
  public static BacktestBundleReply backtestBundle(
      Target target, Duration timeout, BacktestBundleRequest request) {
    return authorized(
        target, timeout, BacktestServiceClient::create, c -> c.bundle(), request, "backtest");
  }

  /**
   * Runs a backtest on the server, handing each progress message to {@code progress} as it arrives;
   * {@code timeout} bounds the whole run.
   */
  public static BacktestResult backtest(
      Target target,
      Duration timeout,
      BacktestRequest request,
      Consumer<BacktestProgress> progress) {
    if (target.token() == null) {
      throw CommandFailure.notAuthenticated(target.notLoggedIn(), null);
    }
    return session(
        target.address(),
        target.transport(),
        timeout,
        BacktestServiceClient::create,
        (client, system) -> {
          AtomicReference<BacktestResult> result = new AtomicReference<>();
          return client
              .run()
              .addHeader(AUTHORIZATION, "Bearer " + target.token())
              .invoke(request)
              .runForeach(
                  update -> {
                    if (update.hasResult()) {
                      result.set(update.getResult());
                    } else {
                      progress.accept(update.getProgress());
                    }
                  },
                  Materializer.matFromSystem(system))
              .thenApply(
                  done -> {
                    if (result.get() == null) {
                      throw new IllegalStateException("the server ended the run without a report");
                    }
                    return result.get();
                  });
        },
        failures(target, "backtest"));
  }

  private static StatusFailures failures(Target target, String api) {
    return new StatusFailures(
        target.address(),
        target.transport(),
        api,
        refused -> target.refused(StatusFailures.detail(refused.getStatus()), Instant.now()));
  }

  /** Logs in: the one call that presents a password instead of a token. */
  public static LoginReply login(
      String address, Transport transport, Duration timeout, LoginRequest request) {
    var failures =
        new StatusFailures(
            address,
            transport,
            "login",
            refused ->
                "login to "
                    + address
                    + " as '"
                    + request.getUser()
                    + "' failed: "
                    + StatusFailures.detail(refused.getStatus()));
    return call(
        address,
        transport,
        timeout,
        AuthServiceClient::create,
        c -> c.login(),
        request,
        null,
        failures);
  }

  private static <C extends PekkoGrpcClient, Q, R> R authorized(
      Target target,
      Duration timeout,
      BiFunction<GrpcClientSettings, ActorSystem, C> create,
      Function<C, SingleResponseRequestBuilder<Q, R>> method,
      Q request,
      String api) {
    if (target.token() == null) {
      throw CommandFailure.notAuthenticated(target.notLoggedIn(), null);
    }
    var failures = failures(target, api);
    return call(
        target.address(),
        target.transport(),
        timeout,
        create,
        method,
        request,
        target.token(),
        failures);
  }

  private static <C extends PekkoGrpcClient, Q, R> R call(
      String address,
      Transport transport,
      Duration timeout,
      BiFunction<GrpcClientSettings, ActorSystem, C> create,
      Function<C, SingleResponseRequestBuilder<Q, R>> method,
      Q request,
      String token,
      StatusFailures failures) {
    return session(
        address,
        transport,
        timeout,
        create,
        (client, system) -> {
          SingleResponseRequestBuilder<Q, R> builder = method.apply(client);
          if (token != null) {
            builder = builder.addHeader(AUTHORIZATION, "Bearer " + token);
          }
          return builder.invoke(request);
        },
        failures);
  }

  /** Runs {@code call} with a client of its own, then closes the client and its actor system. */
  private static <C extends PekkoGrpcClient, R> R session(
      String address,
      Transport transport,
      Duration timeout,
      BiFunction<GrpcClientSettings, ActorSystem, C> create,
      BiFunction<C, ActorSystem, CompletionStage<R>> call,
      StatusFailures failures) {
    Address parsed = Address.parse(address);
    SSLContext trust = transport.ca() == null ? null : CaTrust.sslContext(transport.ca());
    ActorSystem system = ActorSystem.create("benctl", QUIET);
    try {
      GrpcClientSettings settings =
          GrpcClientSettings.connectToServiceAt(parsed.host(), parsed.port(), system)
              .withTls(transport.tls())
              .withDeadline(timeout);
      if (trust != null) {
        settings = settings.withSslContext(trust);
      }
      C client = create.apply(settings, system);
      try {
        return call.apply(client, system)
            .toCompletableFuture()
            .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      } finally {
        client.close();
      }
    } catch (ExecutionException failed) {
      throw failures.translate(failed.getCause());
    } catch (TimeoutException slow) {
      throw CommandFailure.unreachable(
          "no answer from "
              + address
              + " within "
              + timeout.toSeconds()
              + " s; is the node running (`./ben demo`)? Raise --timeout for slow clusters",
          slow);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw CommandFailure.unreachable("interrupted while waiting for " + address, interrupted);
    } finally {
      system.terminate();
    }
  }
}
