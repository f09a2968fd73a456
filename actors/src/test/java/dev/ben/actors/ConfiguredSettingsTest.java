package dev.ben.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestKitJUnit5Extension.class)
class ConfiguredSettingsTest {

  @JUnit5TestKit
  ActorTestKit testKit =
      new JUnit5TestKitBuilder()
          .withCustomConfig(
              ConfigFactory.parseString(
                  "ben.node.ask-timeout = 7s\nben.orchestrator.hello-interval = 300ms"))
          .build();

  @Test
  void theSettingsAreTheSystemsConfigurationReadOnce() {
    assertEquals(
        Duration.ofSeconds(7), ConfiguredSettings.of(testKit.system()).node().askTimeout());
    assertEquals(
        Duration.ofMillis(300),
        ConfiguredSettings.of(testKit.system()).orchestrator().helloInterval());
    assertSame(ConfiguredSettings.of(testKit.system()), ConfiguredSettings.of(testKit.system()));
  }
}
