package dev.ben.actors.node.servers;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ben.actors.testing.ActorTestBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/**
 * Connections that stay open after their first bytes: one whose opening came in time lives past the
 * deadline with its bytes unchanged, one short of it fails at the deadline and is counted once.
 */
class FirstBytesDeadlineTest extends ActorTestBase {

  private static final Duration TIMEOUT = Duration.ofMillis(200);

  private final AtomicInteger overdue = new AtomicInteger();

  /** What passes the stage from {@code sent} on a connection left open, over {@code watched}. */
  private List<ByteString> passed(List<ByteString> sent, Duration watched) throws Exception {
    return Source.from(sent)
        .concat(Source.<ByteString>maybe())
        .via(new FirstBytesDeadline(TIMEOUT, overdue::incrementAndGet))
        .takeWithin(watched)
        .runWith(Sink.seq(), testKit.system())
        .toCompletableFuture()
        .get(5, SECONDS);
  }

  @Test
  void aConnectionWhoseOpeningCameInTimeLivesPastTheDeadline() throws Exception {
    List<ByteString> sent =
        List.of(ByteString.fromArray(new byte[10]), ByteString.fromArray(new byte[14]));
    assertEquals(sent, passed(sent, TIMEOUT.multipliedBy(4)));
    assertEquals(0, overdue.get());
  }

  @Test
  void aConnectionShortOfItsOpeningIsFailedAtTheDeadlineAndCountedOnce() {
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () -> passed(List.of(ByteString.fromArray(new byte[23])), TIMEOUT.multipliedBy(10)));
    assertInstanceOf(FirstBytesDeadline.FirstBytesTooSlow.class, failed.getCause());
    assertEquals(1, overdue.get());
  }
}
