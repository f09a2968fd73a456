package dev.ben.benctl;

import dev.ben.api.events.ClaimReply;
import dev.ben.api.events.ClaimRequest;
import dev.ben.api.events.Component;
import dev.ben.api.events.ComponentList;
import dev.ben.api.events.Consumption;
import dev.ben.api.events.Event;
import dev.ben.api.events.EventList;
import dev.ben.api.events.EventLogServicePowerApi;
import dev.ben.api.events.EventRef;
import dev.ben.api.events.Lineage;
import dev.ben.api.events.LineageNode;
import dev.ben.api.events.ListComponentsRequest;
import dev.ben.api.events.MoveRequest;
import dev.ben.api.events.PublishRequest;
import dev.ben.api.events.ReadRequest;
import dev.ben.api.events.StatusList;
import dev.ben.api.events.Subjects;
import dev.ben.api.events.TreeRequest;
import io.grpc.Status;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * The event log of {@link FakeControlServer}: a read answers {@link #FIRED} and says more may
 * follow from position 8; the tree of {@link #FIRED} is a firing with its cause, the contract's
 * activation over its deploy and staging, and a signal with its delivery; any other id is unknown.
 * Components start with Ben's {@code signals}; registering {@code ledger} is refused.
 */
public final class FakeEvents implements EventLogServicePowerApi {

  public static final long AT = 1_764_928_806_000L; // 2025-12-05T10:00:06Z

  public static final Event FIRED =
      event("ev-fire", "playbook.fired", "detector", "lockout for k1")
          .setDataJson("{\"playbook\":\"lockout\",\"event_id\":\"row-77\"}")
          .setSubjects(Subjects.newBuilder().setPipeline("auth").setContractVersion("2"))
          .setPosition(7)
          .build();

  private final FakeControlServer server;
  private final Map<String, Component> components = new ConcurrentHashMap<>();

  FakeEvents(FakeControlServer server) {
    this.server = server;
    components.put(
        "signals",
        Component.newBuilder()
            .setName("signals")
            .addPublishes("signal.dropped")
            .addPublishes("signal.delivered")
            .build());
  }

  private static Event.Builder event(String id, String type, String source, String entry) {
    return Event.newBuilder()
        .setId(id)
        .setType(type)
        .setSource(source)
        .setEntry(entry)
        .setDataJson("{}")
        .setCreatedAtMillis(AT);
  }

  private static LineageNode.Builder node(String relation, Event.Builder event) {
    return LineageNode.newBuilder().setRelation(relation).setEvent(event);
  }

  @Override
  public CompletionStage<EventList> read(ReadRequest in, Metadata metadata) {
    return server.authorized(
        "readEvents",
        in,
        metadata,
        EventList.newBuilder().addEvents(FIRED).setNextPosition(8).setMore(true).build());
  }

  @Override
  public CompletionStage<Lineage> tree(TreeRequest in, Metadata metadata) {
    if (!in.getId().equals(FIRED.getId())) {
      server.record("tree", in, metadata);
      return FakeControlServer.failed(
          Status.NOT_FOUND.withDescription("no event " + in.getId() + " in the log"));
    }
    LineageNode contract =
        node("contract", event("ev-act", "ledger.activated", "ledger", "auth v2 active"))
            .addChildren(
                node("parent", event("ev-dep", "ledger.deployed", "ledger", "deploy auth v2"))
                    .addChildren(
                        node(
                            "parent",
                            event("ev-stg", "ledger.staged", "ledger", "alice staged auth v2"))))
            .build();
    LineageNode signal =
        node("child", event("ev-pub", "signal.published", "detector", "lock k1"))
            .addChildren(node("child", event("ev-del", "signal.delivered", "sidecar", "")))
            .build();
    LineageNode root =
        LineageNode.newBuilder()
            .setRelation("root")
            .setEvent(FIRED)
            .setFocus(true)
            .addChildren(LineageNode.newBuilder().setRelation("caused_by").setReference("row-77"))
            .addChildren(contract)
            .addChildren(signal)
            .build();
    return server.authorized(
        "tree",
        in,
        metadata,
        Lineage.newBuilder().setFocusId(FIRED.getId()).setRoot(root).setNodes(8).build());
  }

  @Override
  public CompletionStage<Event> publish(PublishRequest in, Metadata metadata) {
    return unimplemented();
  }

  @Override
  public CompletionStage<Event> get(EventRef in, Metadata metadata) {
    return unimplemented();
  }

  @Override
  public CompletionStage<ClaimReply> claim(ClaimRequest in, Metadata metadata) {
    return unimplemented();
  }

  @Override
  public CompletionStage<Consumption> move(MoveRequest in, Metadata metadata) {
    return unimplemented();
  }

  @Override
  public CompletionStage<StatusList> statuses(EventRef in, Metadata metadata) {
    return unimplemented();
  }

  @Override
  public CompletionStage<Component> registerComponent(Component in, Metadata metadata) {
    if (in.getName().equals("ledger")) {
      server.record("registerComponent", in, metadata);
      return FakeControlServer.failed(
          Status.INVALID_ARGUMENT.withDescription("/component: `ledger` is one of Ben's own"));
    }
    components.put(in.getName(), in);
    return server.authorized("registerComponent", in, metadata, in);
  }

  @Override
  public CompletionStage<ComponentList> listComponents(
      ListComponentsRequest in, Metadata metadata) {
    return server.authorized(
        "listComponents",
        in,
        metadata,
        ComponentList.newBuilder().addAllComponents(components.values()).build());
  }

  private static <T> CompletionStage<T> unimplemented() {
    return FakeControlServer.failed(Status.UNIMPLEMENTED);
  }
}
