package dev.ben.actors.node;

import dev.ben.actors.backtest.EventLogBacktestRecorder;
import dev.ben.actors.control.AppsGrpcService;
import dev.ben.actors.control.AuthGrpcService;
import dev.ben.actors.control.Authorizer;
import dev.ben.actors.control.BacktestGrpcService;
import dev.ben.actors.control.BacktestSources;
import dev.ben.actors.control.ControlRequests;
import dev.ben.actors.control.LedgerGrpcService;
import dev.ben.actors.control.TrustGrpcService;
import dev.ben.actors.control.UsersGrpcService;
import dev.ben.actors.eventlog.EventLogGrpcService;
import dev.ben.actors.invoke.InvokeGrpcService;
import dev.ben.actors.node.servers.ControlServer;
import dev.ben.actors.screen.ScreenGrpcService;
import dev.ben.config.BenSettings;
import dev.ben.streams.auth.AppKeys;
import dev.ben.streams.auth.GeneratedPasswords;
import dev.ben.streams.auth.PasswordHashes;
import dev.ben.streams.eventlog.BuiltInComponents;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * The control port of an orchestrator node: the ledger, auth, apps, users, trust, event-log and
 * backtest services (and invocation and screening, when the node also takes events) behind one
 * authorizer, each request bounded by the largest bundle plus its framing.
 */
final class ControlWiring {

  /**
   * What a control request may hold besides a bundle: its other fields, protobuf tags and the gRPC
   * message prefix; small next to any bundle, generous next to the fields.
   */
  private static final long CONTROL_FRAMING_BYTES = 64 * 1024;

  private ControlWiring() {}

  static ControlServer server(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      ControlPlane control,
      Optional<InvokeGrpcService> invoke,
      Optional<ScreenGrpcService> screen,
      Optional<HttpsConnectionContext> https) {
    ControlServices access = services.control();
    Authorizer authorizer =
        new Authorizer(
            access.tokens(), ServerWiring.currentUsers(settings, services), services.metrics());
    ControlRequests checks =
        new ControlRequests(settings.ledger().maxBundleBytes(), services.metrics());
    LedgerGrpcService ledger =
        new LedgerGrpcService(
            control.ledger(), context.getSystem(), settings.control(), checks, authorizer);
    AuthGrpcService auth =
        new AuthGrpcService(
            access.identities(),
            access.tokens(),
            authorizer,
            context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()));
    return new ControlServer(
        context.getSystem(),
        settings.control().endpoint(),
        ledger,
        auth,
        apps(context, services, authorizer, checks),
        users(context, services, authorizer, checks),
        trust(context, services, authorizer, checks),
        eventLog(context, settings, services, authorizer),
        backtest(context, settings, services, control, authorizer, checks),
        invoke,
        screen,
        https,
        settings.ledger().maxBundleBytes() + CONTROL_FRAMING_BYTES,
        settings.control().connections(),
        services.metrics());
  }

  private static AppsGrpcService apps(
      ActorContext<?> context,
      NodeServices services,
      Authorizer authorizer,
      ControlRequests checks) {
    return new AppsGrpcService(
        services.control().identities(),
        new AppKeys(new SecureRandom()),
        authorizer,
        checks,
        context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()),
        Clock.systemUTC());
  }

  /** Backtests, each run recorded in the node's event log as {@code backtest.run}. */
  private static BacktestGrpcService backtest(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      ControlPlane control,
      Authorizer authorizer,
      ControlRequests checks) {
    return new BacktestGrpcService(
        new BacktestSources(
            control.ledger(),
            settings.control().askTimeout(),
            context.getSystem().scheduler(),
            services.migrator().store(),
            services.control().hashKey()),
        settings.backtest(),
        checks,
        authorizer,
        services.blockingExecutor(),
        new EventLogBacktestRecorder(services.control().eventLog(), BuiltInComponents.BACKTEST));
  }

  private static TrustGrpcService trust(
      ActorContext<?> context,
      NodeServices services,
      Authorizer authorizer,
      ControlRequests checks) {
    return new TrustGrpcService(
        services.control().trusted(),
        services.control().identities(),
        authorizer,
        checks,
        context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()),
        Clock.systemUTC());
  }

  private static EventLogGrpcService eventLog(
      ActorContext<?> context, BenSettings settings, NodeServices services, Authorizer authorizer) {
    return new EventLogGrpcService(
        services.control().eventLog(),
        settings.eventLog(),
        settings.eventQueries(),
        EventArchiving.history(settings, services),
        authorizer,
        context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()),
        services.metrics());
  }

  private static UsersGrpcService users(
      ActorContext<?> context,
      NodeServices services,
      Authorizer authorizer,
      ControlRequests checks) {
    SecureRandom random = new SecureRandom();
    return new UsersGrpcService(
        services.control().identities(),
        new GeneratedPasswords(random),
        new PasswordHashes(random),
        authorizer,
        checks,
        context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()));
  }

  /** One invoker per node, so the HTTP route and the gRPC service answer alike. */
}
