package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDirectoryTest {

  @Test
  void closingDeletesTheDirectoryWithWhatWasWrittenInIt() throws Exception {
    Path path;
    try (ScratchDirectory scratch = ScratchDirectory.create("ben-scratch-test")) {
      path = scratch.path();
      Path nested = Files.createDirectories(path.resolve("rocks/000001"));
      Files.writeString(nested.resolve("data.sst"), "rows");
      assertTrue(Files.isRegularFile(nested.resolve("data.sst")));
    }
    assertFalse(Files.exists(path), path + " is left behind");
  }
}
