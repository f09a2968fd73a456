package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

  @TempDir Path dir;

  @Test
  void aOneKeyFileChangesThatKeyAndKeepsEveryDefault() throws IOException {
    Config config = ConfigFile.over(write("ben.ingest.port = 17999\n"));

    assertEquals(17999, config.getInt("ben.ingest.port"));
    assertEquals(8080, config.getInt("ben.gateway.port"));
    BenSettings settings = BenSettings.fromConfig(config);
    assertEquals(17999, settings.ingest().endpoint().port());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("missing.conf");
    ConfigFile.ConfigFileException e =
        assertThrows(ConfigFile.ConfigFileException.class, () -> ConfigFile.over(missing));
    assertEquals(
        "cannot read the configuration file " + missing + ": no such file", e.getMessage());
  }

  @Test
  void aParseErrorNamesTheFileAndLine() throws IOException {
    Path broken = write("ben {\n  ingest.port = 1\n  gateway.port = [\n");
    ConfigFile.ConfigFileException e =
        assertThrows(ConfigFile.ConfigFileException.class, () -> ConfigFile.over(broken));
    String expected = "cannot read the configuration file " + broken + ":4: ";
    assertEquals(expected, e.getMessage().substring(0, expected.length()), e.getMessage());
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("node.conf"), content);
  }
}
