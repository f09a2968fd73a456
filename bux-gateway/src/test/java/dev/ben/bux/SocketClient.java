package dev.ben.bux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.socket.BuxSocket;
import dev.ben.streams.auth.Principal;
import dev.ben.streams.auth.UserRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.testkit.TestPublisher;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.apache.pekko.stream.testkit.javadsl.TestSource;

/** One client of a {@link BuxSocket}'s flow, as the test's viewer: what it sends and is pushed. */
final class SocketClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(5);
  static final Principal VERA =
      new Principal(TestPorts.USER, UserRole.VIEWER, Instant.now().plusSeconds(3600));

  final TestPublisher.Probe<Message> sends;
  final TestSubscriber.Probe<Message> pushed;

  SocketClient(ActorSystem system, BuxSocket socket, Duration lifetime, Runnable badFrame) {
    Pair<TestPublisher.Probe<Message>, TestSubscriber.Probe<Message>> probes =
        TestSource.<Message>create(system)
            .via(socket.flow(VERA, lifetime, badFrame))
            .toMat(TestSink.create(system), Keep.both())
            .run(system);
    sends = probes.first();
    pushed = probes.second();
  }

  static Predicate<JsonNode> data(String sub) {
    return frame ->
        frame.path("type").asText().equals("data") && frame.path("sub").asText().equals(sub);
  }

  static Predicate<JsonNode> type(String type) {
    return frame -> frame.path("type").asText().equals(type);
  }

  void send(String frame) {
    sends.sendNext(TextMessage.create(frame));
  }

  JsonNode next() {
    return parse(pushed.requestNext(WAIT));
  }

  /** The next frame that matches, skipping others (keep-alives, other subscriptions). */
  JsonNode await(Predicate<JsonNode> matches) {
    for (int i = 0; i < 1000; i++) {
      JsonNode frame = next();
      if (matches.test(frame)) {
        return frame;
      }
    }
    throw new AssertionError("no matching frame among 1000");
  }

  /** A frame pushed within 200 ms after asking for one, if it matches; else null. */
  JsonNode poll(Predicate<JsonNode> matches) {
    pushed.request(1);
    List<Message> got = pushed.receiveWithin(Duration.ofMillis(200), 1);
    if (got.isEmpty()) {
      return null;
    }
    JsonNode frame = parse(got.get(0));
    return matches.test(frame) ? frame : null;
  }

  static JsonNode parse(Message message) {
    try {
      return JSON.readTree(message.asTextMessage().getStrictText());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
