package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ben.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the launcher reads its arguments and decides whether the node failed to start. */
class BenNodeTest {

  @Test
  void aConfigFileIsLaidOverTheNodesDefaults(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("one.conf"), "ben.ingest.port = 17999\n");

    var config = BenNode.configuration(new String[] {"--config", file.toString()});

    assertEquals(17999, config.getInt("ben.ingest.port"));
    // application.conf is kept, unlike with -Dconfig.file.
    assertEquals("cluster", config.getString("pekko.actor.provider"));
  }

  @Test
  void withoutArgumentsTheDefaultsApply() {
    assertEquals(7080, BenNode.configuration(new String[0]).getInt("ben.ingest.port"));
  }

  @Test
  void otherArgumentsAndMissingFilesAreRefused(@TempDir Path dir) {
    assertThrows(
        IllegalArgumentException.class, () -> BenNode.configuration(new String[] {"--config"}));
    assertThrows(
        ConfigFile.ConfigFileException.class,
        () -> BenNode.configuration(new String[] {"--config", dir.resolve("none").toString()}));
  }

  @Test
  void aNodeThatStoppedBeforeItWasUpFailedWithItsReason() {
    assertEquals(
        Optional.of("cannot start: port taken"),
        BenNode.startFailure(false, Optional.of(new StartFailed("port taken"))));
    assertEquals(
        Optional.of("the node stopped before it finished starting"),
        BenNode.startFailure(false, Optional.of(CoordinatedShutdown.jvmExitReason())));
    assertEquals(
        Optional.of("the node stopped before it finished starting"),
        BenNode.startFailure(false, Optional.empty()));
  }

  @Test
  void aNodeThatLeftAClusterItMayNotShareFailsWithItsReasonUpOrNot() {
    SplitRefused refused = new SplitRefused("set BEN_NATS_URL");
    assertEquals(Optional.of("set BEN_NATS_URL"), BenNode.startFailure(true, Optional.of(refused)));
    assertEquals(
        Optional.of("set BEN_NATS_URL"), BenNode.startFailure(false, Optional.of(refused)));
  }

  @Test
  void aNodeThatWasUpStopsCleanly() {
    assertEquals(
        Optional.empty(),
        BenNode.startFailure(true, Optional.of(CoordinatedShutdown.jvmExitReason())));
  }
}
