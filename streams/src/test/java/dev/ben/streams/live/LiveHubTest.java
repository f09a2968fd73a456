package dev.ben.streams.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiveHubTest {

  private static ActorSystem system;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("live-hub");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  @Test
  void nothingIsRenderedWhileNobodyWatchesAndASubscriberSeesWhatFollowsItsJoining()
      throws Exception {
    try (LiveHub<String> hub =
        new LiveHub<>(String.class, Materializer.matFromSystem(system), 16)) {
      AtomicInteger rendered = new AtomicInteger();
      assertFalse(hub.publishWhileWatched(() -> "unseen-" + rendered.incrementAndGet()));
      assertEquals(0, rendered.get(), "no subscriber, nothing rendered");

      var watching = hub.subscribe(16).take(1).runWith(Sink.head(), system);
      // Publish until the subscription is attached (it joins asynchronously), then its first
      // message.
      String seen = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (seen == null && System.nanoTime() < deadline) {
        hub.publishWhileWatched(() -> "seen-" + rendered.incrementAndGet());
        try {
          seen = watching.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException notYet) {
          // keep publishing
        }
      }
      assertTrue(seen != null && seen.startsWith("seen-"), String.valueOf(seen));
      assertTrue(rendered.get() >= 1);
    }
  }
}
