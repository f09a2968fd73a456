package dev.ben.actors.node;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.actors.bridge.SingletonHelloPlane;
import dev.ben.actors.bridge.TopicPlane;
import dev.ben.actors.ledger.ContractNotice;
import dev.ben.actors.ledger.Ledger;
import dev.ben.actors.ledger.LedgerParts;
import dev.ben.actors.ledger.TrustedKeySources;
import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.actors.pipeline.ClusterExecutor;
import dev.ben.config.BenSettings;
import dev.ben.streams.eventlog.emit.EventEmitter;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The control plane as a node sees it: the contract notices the ledger publishes, the presence
 * (hello) plane members announce themselves on, and the proxies of the orchestrator and ledger
 * singletons (docs/architecture.md, the control plane).
 */
record ControlPlane(
    MessagePlane<ContractNotice> notices,
    HelloPlane hellos,
    ActorRef<Orchestrator.Command> orchestrator,
    ActorRef<Ledger.Command> ledger) {

  private static final String ORCHESTRATOR = "orchestrator";
  private static final String LEDGER = "ledger";

  /** The singletons' names, as ben_api lists them on the member that hosts them. */
  static final List<String> SINGLETONS = List.of(LEDGER, ORCHESTRATOR, EventArchiving.SINGLETON);

  /** Starts the planes and the singletons (they run on orchestrator-role members only). */
  static ControlPlane wire(
      ActorContext<?> context,
      BenSettings settings,
      NodeServices services,
      NotificationPlanes planes,
      EventEmitter events) {
    MessagePlane<ContractNotice> notices =
        planes.plane(
            ContractNotice.class,
            "notices.contracts",
            TopicPlane.NOTICES,
            "contract-notices",
            "notices");
    SingletonHelloPlane inJvm = new SingletonHelloPlane();
    HelloPlane hellos = planes.hellos(inJvm);
    ActorRef<Orchestrator.Command> orchestrator =
        Singletons.onOrchestrators(
            context.getSystem(),
            Orchestrator.create(ClusterExecutor.create(), hellos, settings.orchestrator()),
            ORCHESTRATOR,
            settings.supervision());
    inJvm.attach(orchestrator);
    ControlServices control = services.control();
    ActorRef<Ledger.Command> ledger =
        Singletons.onOrchestrators(
            context.getSystem(),
            Ledger.create(
                new LedgerParts.Factory(
                    control.ledgerStore(),
                    control.access(),
                    new TrustedKeySources(control.trusted(), control.identities()),
                    settings.ledger(),
                    notices,
                    orchestrator,
                    events),
                settings.orchestrator().helloInterval()),
            LEDGER,
            settings.supervision(),
            Ledger.props());
    EventArchiving.start(context.getSystem(), settings, services);
    return new ControlPlane(notices, hellos, orchestrator, ledger);
  }
}
