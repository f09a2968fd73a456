package dev.ben.actors.pipeline;

import dev.ben.actors.orchestrator.ComponentIds;
import dev.ben.actors.orchestrator.PipelineExecutor;
import dev.ben.streams.graph.StageKind;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * The default executor: the pipeline hosts of the cluster's edge members, found through the
 * receptionist, run every pipeline (each host runs the whole chain, started store first so
 * detectors come before spines, proxies and sidecars). A pipeline's contracts are held by its spine
 * on every host, so those spines are what must acknowledge a version.
 */
public final class ClusterExecutor {

  /** Requests held until the first listing; the orchestrator sends a few per second at most. */
  private static final int STASH = 1000;

  private ClusterExecutor() {}

  private record HostsChanged(Receptionist.Listing listing)
      implements PipelineExecutor.Command, dev.ben.actors.NodeLocal {}

  public static Behavior<PipelineExecutor.Command> create() {
    return Behaviors.withStash(
        STASH, stash -> Behaviors.setup(context -> awaitingHosts(context, stash)));
  }

  private static Behavior<PipelineExecutor.Command> awaitingHosts(
      ActorContext<PipelineExecutor.Command> context, StashBuffer<PipelineExecutor.Command> stash) {
    context
        .getSystem()
        .receptionist()
        .tell(
            Receptionist.subscribe(
                PipelineHost.KEY,
                context.messageAdapter(Receptionist.Listing.class, HostsChanged::new)));
    Address self = context.getSystem().address();
    // Until the receptionist's first listing, "no hosts" would only mean "not known yet": hold
    // requests till then.
    return Behaviors.receive(PipelineExecutor.Command.class)
        .onMessage(HostsChanged.class, changed -> stash.unstashAll(running(hosts(changed), self)))
        .onAnyMessage(request -> hold(stash, request))
        .build();
  }

  private static Behavior<PipelineExecutor.Command> hold(
      StashBuffer<PipelineExecutor.Command> stash, PipelineExecutor.Command request) {
    stash.stash(request);
    return Behaviors.same();
  }

  private static Behavior<PipelineExecutor.Command> running(
      Set<ActorRef<PipelineHost.Command>> hosts, Address self) {
    return Behaviors.receive(PipelineExecutor.Command.class)
        .onMessage(HostsChanged.class, changed -> running(hosts(changed), self))
        .onMessage(PipelineExecutor.Ensure.class, ensure -> onEnsure(hosts, ensure))
        .onMessage(PipelineExecutor.Place.class, place -> onPlace(hosts, self, place))
        .build();
  }

  private static Behavior<PipelineExecutor.Command> onEnsure(
      Set<ActorRef<PipelineHost.Command>> hosts, PipelineExecutor.Ensure ensure) {
    hosts.forEach(host -> host.tell(new PipelineHost.Ensure(ensure.intent())));
    return Behaviors.same();
  }

  private static Behavior<PipelineExecutor.Command> onPlace(
      Set<ActorRef<PipelineHost.Command>> hosts, Address self, PipelineExecutor.Place place) {
    List<String> components =
        hosts.stream()
            .map(
                host ->
                    ComponentIds.of(place.pipeline(), StageKind.SPINE.label(), node(host, self)))
            .sorted()
            .toList();
    place.replyTo().tell(new PipelineExecutor.Placement(place.pipeline(), components));
    return Behaviors.same();
  }

  private static Set<ActorRef<PipelineHost.Command>> hosts(HostsChanged changed) {
    return changed.listing().getServiceInstances(PipelineHost.KEY);
  }

  /**
   * The host's node as components name it; a local reference carries no host and port, so use this
   * node's.
   */
  private static String node(ActorRef<?> host, Address self) {
    Address address = host.path().address();
    return (address.hasLocalScope() ? self : address).toString();
  }
}
