package dev.ben.benctl.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.command.CommandFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleOutputTest {

  @TempDir Path project;

  @Test
  void findsTheBundleABuildWrote() {
    Path written = BundleOutput.write(project, "auth", new byte[] {1, 2, 3});
    assertEquals(project.resolve("target/auth.bundle"), written);
    assertEquals(written, BundleOutput.builtIn(project));
  }

  @Test
  void anUnbuiltProjectIsRefusedWithTheCommandToRun() {
    var refused = assertThrows(CommandFailure.class, () -> BundleOutput.builtIn(project));
    assertTrue(
        refused.getMessage().contains("run `benctl build " + project + "` first"),
        refused.getMessage());
  }

  @Test
  void severalBundlesAreRefusedRatherThanGuessed() {
    BundleOutput.write(project, "auth", new byte[] {1});
    BundleOutput.write(project, "old-name", new byte[] {2});
    var refused = assertThrows(CommandFailure.class, () -> BundleOutput.builtIn(project));
    assertTrue(refused.getMessage().contains("holds several bundles"), refused.getMessage());
  }
}
