package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.GatewaySettings;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.pekko.stream.Materializer;

/**
 * The topics a gateway offers, by name: {@code metrics} and {@code tail} always, the others when
 * the node lends their port. Stream topics are shared by every socket of the gateway (one ring
 * each), snapshot topics are read per subscription.
 */
final class TopicCatalog {

  private final Map<String, Topic> topics = new LinkedHashMap<>();

  TopicCatalog(List<Topic> topics) {
    topics.forEach(topic -> this.topics.put(topic.name(), topic));
  }

  static TopicCatalog standard(
      GatewaySettings settings,
      LiveHub<String> live,
      MetricsRegistry metrics,
      TopicPorts ports,
      ObjectMapper mapper,
      Materializer materializer,
      LongSupplier clock) {
    Duration every = settings.countersInterval();
    List<Topic> topics = new ArrayList<>();
    ThisNode self = new ThisNode(ports.cluster());
    topics.add(
        new Topic(
            "metrics",
            TopicKind.SNAPSHOT,
            Set.of(),
            (filter, after) -> {
              MetricsView view = new MetricsView(mapper, metrics);
              return Polled.every(
                  every,
                  () ->
                      CompletableFuture.completedFuture(view.next(clock.getAsLong(), self.names())),
                  clock);
            }));
    StreamFeed tail =
        new StreamFeed(
            new TopicRing(settings.socket().streamRing()),
            () ->
                live.subscribe(settings.clientBuffer())
                    .mapConcat(message -> LiveEvent.parse(mapper, message).stream().toList()),
            event -> event.path("received_at").asLong(clock.getAsLong()),
            materializer);
    topics.add(stream("tail", TailFilter.FIELDS, tail));
    snapshot(topics, "cluster", Set.of(), ports.cluster(), every, clock);
    snapshot(topics, "pipelines", Set.of(), ports.pipelines(), every, clock);
    snapshot(topics, "analytics", Set.of("pipeline"), ports.analytics(), every, clock);
    snapshot(topics, "totals", Set.of(), ports.totals(), every, clock);
    ports
        .history()
        .ifPresent(
            read ->
                topics.add(
                    new Topic(
                        "history",
                        TopicKind.APPENDED,
                        Set.of("since", "series"),
                        (filter, after) -> {
                          AppendedPoints appended = new AppendedPoints();
                          return Polled.every(every, () -> read.read(filter), clock)
                              .mapConcat(appended::next);
                        })));
    ports
        .decisions()
        .ifPresent(
            decisions ->
                topics.add(
                    stream(
                        "decisions",
                        Set.of("pipeline", "playbook"),
                        new StreamFeed(
                            new TopicRing(settings.socket().streamRing()),
                            decisions::open,
                            item -> item.path("at").asLong(clock.getAsLong()),
                            materializer))));
    return new TopicCatalog(topics);
  }

  private static Topic stream(String name, Set<String> fields, StreamFeed feed) {
    return new Topic(
        name,
        TopicKind.STREAM,
        fields,
        (filter, after) -> {
          Predicate<JsonNode> wanted = name.equals("tail") ? TailFilter.of(filter) : exact(filter);
          return feed.subscribe(after)
              .filter(
                  delivery ->
                      !(delivery instanceof Delivery.Item item) || wanted.test(item.item().data()));
        });
  }

  private static void snapshot(
      List<Topic> topics,
      String name,
      Set<String> fields,
      Optional<SnapshotPort> port,
      Duration every,
      LongSupplier clock) {
    port.ifPresent(
        read ->
            topics.add(
                new Topic(
                    name,
                    TopicKind.SNAPSHOT,
                    fields,
                    (filter, after) -> Polled.every(every, () -> read.read(filter), clock))));
  }

  /** Each filter field equals the item's top-level field of that name. */
  private static Predicate<JsonNode> exact(TopicFilter filter) {
    return item ->
        filter.fields().entrySet().stream()
            .allMatch(field -> field.getValue().equals(item.path(field.getKey()).asText(null)));
  }

  Optional<Topic> get(String name) {
    return Optional.ofNullable(topics.get(name));
  }

  List<String> names() {
    return List.copyOf(topics.keySet());
  }

  FrameRules rules(List<String> methods, int maxIdChars) {
    Map<String, Set<String>> filters = new LinkedHashMap<>();
    topics.values().forEach(topic -> filters.put(topic.name(), topic.filterFields()));
    return new FrameRules(filters, methods, maxIdChars);
  }

  /** The live tap's event message as tail data: everything but its {@code type}. */
  static final class LiveEvent {
    private LiveEvent() {}

    static Optional<JsonNode> parse(ObjectMapper mapper, String message) {
      try {
        JsonNode event = mapper.readTree(message);
        if (event instanceof ObjectNode object) {
          object.remove("type");
          return Optional.of(object);
        }
      } catch (java.io.IOException e) {
        // The tap renders what it publishes, so this is not reached; skipping is the safe answer.
      }
      return Optional.empty();
    }
  }
}
