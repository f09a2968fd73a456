package dev.ben.actors.eventlog;

import dev.ben.actors.control.Authorizer;
import dev.ben.actors.control.ControlOperation;
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
import dev.ben.api.events.ListComponentsRequest;
import dev.ben.api.events.MoveRequest;
import dev.ben.api.events.PublishRequest;
import dev.ben.api.events.ReadRequest;
import dev.ben.api.events.StatusList;
import dev.ben.api.events.TreeRequest;
import dev.ben.config.EventLogSettings;
import dev.ben.config.EventQuerySettings;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventRefusedException;
import dev.ben.streams.eventlog.query.EventHistory;
import dev.ben.streams.eventlog.query.EventPage;
import dev.ben.streams.eventlog.query.EventQuery;
import dev.ben.streams.eventlog.query.EventSearch;
import dev.ben.streams.eventlog.query.EventSource;
import dev.ben.streams.eventlog.query.LineageTree;
import dev.ben.streams.metrics.MetricsRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.grpc.javadsl.Metadata;

/**
 * The event log on the control port. The caller's token names it: it publishes as that component
 * and claims and moves as that consumer, so no request can speak for another. Reading needs any
 * role; registering components and listing them needs the admin role.
 */
public final class EventLogGrpcService implements EventLogServicePowerApi {

  /** What a read or claim returns when it names no limit. */
  static final int DEFAULT_READ_LIMIT = 100;

  private final EventLog log;
  private final EventLogCalls calls;
  private final EventLogSettings settings;
  private final EventSearch search;
  private final LineageTree trees;

  public EventLogGrpcService(
      EventLog log,
      EventLogSettings settings,
      EventQuerySettings queries,
      EventHistory history,
      Authorizer authorizer,
      Executor blocking,
      MetricsRegistry metrics) {
    this.log = log;
    this.settings = settings;
    this.calls = new EventLogCalls(authorizer, log, blocking, metrics);
    EventSource source = EventSource.of(log, settings.maxBatch());
    this.search = new EventSearch(source, history, queries.maxScan());
    this.trees =
        new LineageTree(source, queries.treeMaxDepth(), queries.treeMaxNodes(), queries.maxScan());
  }

  @Override
  public CompletionStage<Event> publish(PublishRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.PUBLISH_EVENT,
        who -> EventMessages.event(log.publish(who, EventMessages.draft(in))));
  }

  @Override
  public CompletionStage<EventList> read(ReadRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.READ_EVENTS,
        who -> {
          EventPage page =
              search.find(
                  new EventQuery(
                      new HashSet<>(in.getTypesList()),
                      in.getPipeline(),
                      in.getSinceMillis(),
                      in.getFromPosition(),
                      limit(in.getLimit(), DEFAULT_READ_LIMIT)));
          EventList.Builder out =
              EventList.newBuilder().setNextPosition(page.nextPosition()).setMore(page.more());
          page.events().forEach(e -> out.addEvents(EventMessages.event(e)));
          return out.build();
        });
  }

  @Override
  public CompletionStage<Event> get(EventRef in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.READ_EVENTS,
        who -> log.get(in.getId()).map(EventMessages::event).orElseThrow(() -> noEvent(in)));
  }

  @Override
  public CompletionStage<ClaimReply> claim(ClaimRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.CONSUME_EVENTS,
        who -> {
          Set<String> types = new HashSet<>(in.getTypesList());
          int limit = limit(in.getLimit(), 1);
          var claims =
              in.getLeaseMillis() == 0
                  ? log.claim(who, types, limit)
                  : log.claim(who, types, limit, Duration.ofMillis(in.getLeaseMillis()));
          ClaimReply.Builder out = ClaimReply.newBuilder();
          claims.forEach(c -> out.addClaims(EventMessages.claim(c)));
          return out.build();
        });
  }

  @Override
  public CompletionStage<Consumption> move(MoveRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.CONSUME_EVENTS,
        who ->
            EventMessages.consumption(
                log.move(
                    who, in.getEventId(), EventMessages.status(in.getStatus()), in.getNote())));
  }

  @Override
  public CompletionStage<StatusList> statuses(EventRef in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.READ_EVENTS,
        who -> {
          if (log.get(in.getId()).isEmpty()) {
            throw noEvent(in);
          }
          StatusList.Builder out = StatusList.newBuilder();
          log.statuses(in.getId()).forEach(c -> out.addStatuses(EventMessages.consumption(c)));
          return out.build();
        });
  }

  @Override
  public CompletionStage<Lineage> tree(TreeRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.READ_EVENTS,
        who ->
            trees
                .of(in.getId())
                .map(EventMessages::lineage)
                .orElseThrow(
                    () ->
                        new EventRefusedException(
                            EventRefusedException.Kind.NOT_FOUND,
                            "/id",
                            "no event "
                                + in.getId()
                                + " in the log, and no decision taken on a stored event of that"
                                + " id")));
  }

  @Override
  public CompletionStage<Component> registerComponent(Component in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.REGISTER_COMPONENT,
        who -> {
          var component = EventMessages.component(in);
          log.register(who, component);
          return EventMessages.component(component);
        });
  }

  @Override
  public CompletionStage<ComponentList> listComponents(
      ListComponentsRequest in, Metadata metadata) {
    return calls.run(
        metadata,
        ControlOperation.LIST_COMPONENTS,
        who -> {
          log.reloadComponents();
          ComponentList.Builder out = ComponentList.newBuilder();
          log.components().all().forEach(c -> out.addComponents(EventMessages.component(c)));
          return out.build();
        });
  }

  /** The limit a request named, or the default when it named none; refused out of range. */
  private int limit(int asked, int byDefault) {
    int limit = asked == 0 ? byDefault : asked;
    if (limit < 0 || limit > settings.maxBatch()) {
      throw new EventRefusedException(
          EventRefusedException.Kind.INVALID,
          "/limit",
          "must be from 1 to " + settings.maxBatch() + " (ben.eventlog.max-batch), got " + asked);
    }
    return limit;
  }

  private static EventRefusedException noEvent(EventRef in) {
    return new EventRefusedException(
        EventRefusedException.Kind.NOT_FOUND, "/id", "no event " + in.getId() + " in the log");
  }
}
