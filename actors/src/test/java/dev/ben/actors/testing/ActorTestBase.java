package dev.ben.actors.testing;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests that drive actors directly: each test gets its own {@link ActorTestKit} on a
 * local actor system (no cluster, no ports), and its log is printed only if it fails (see {@link
 * CapturedLogs}).
 */
@CapturedLogs
@ExtendWith(TestKitJUnit5Extension.class)
public abstract class ActorTestBase {

  /**
   * Config that sends every message through serialization, as if it crossed nodes: for protocols
   * whose messages do.
   */
  protected static final String SERIALIZE_MESSAGES = "pekko.actor.serialize-messages = on";

  private static final String LOCAL =
      """
      pekko.actor.provider = local
      pekko.actor.serialization-bindings {
        "dev.ben.actors.ClusterSerializable" = jackson-cbor
      }
      """;

  @JUnit5TestKit protected final ActorTestKit testKit;

  protected ActorTestBase() {
    this("");
  }

  /**
   * @param config settings over the local system's, in HOCON
   */
  protected ActorTestBase(String config) {
    testKit =
        new JUnit5TestKitBuilder()
            .withName(getClass().getSimpleName())
            .withCustomConfig(
                ConfigFactory.parseString(config).withFallback(ConfigFactory.parseString(LOCAL)))
            .build();
  }

  /**
   * Every test instance builds its own kit, and the extension only shuts the last one down after
   * all tests; the others would keep their threads until the JVM exits.
   */
  @AfterEach
  void shutDownThisTestsKit() {
    testKit.shutdownTestKit();
  }
}
