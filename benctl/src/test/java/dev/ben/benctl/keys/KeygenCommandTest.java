package dev.ben.benctl.keys;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.command.ExitCode;
import dev.ben.contracts.bundle.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {

  @TempDir Path dir;

  @Test
  void writesBothFilesAndPrintsTheKeyIdOfTheWrittenKey() throws Exception {
    var result = BenctlHarness.run("keygen", "release", "--dir", dir.toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    String keyId = KeyFiles.readSigningKey(dir.resolve("release.key")).keyId();
    assertTrue(result.out().startsWith("key id       " + keyId + "\n"), result.toString());
    assertTrue(result.out().contains(dir.resolve("release.pub").toString()), result.toString());
    assertTrue(Files.exists(dir.resolve("release.pub")));
    assertEquals("", result.err());
  }

  @Test
  void jsonOutputNamesKeyIdAndFiles() throws Exception {
    var result = BenctlHarness.run("keygen", "ci", "--dir", dir.toString(), "-o", "json");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    var json = new ObjectMapper().readTree(result.out());
    assertEquals(
        KeyFiles.readSigningKey(dir.resolve("ci.key")).keyId(), json.get("key_id").textValue());
    assertEquals(dir.resolve("ci.pub").toString(), json.get("public_key").textValue());
  }

  @Test
  void refusesToOverwriteUnlessForced() throws Exception {
    assertEquals(ExitCode.OK, BenctlHarness.run("keygen", "k", "--dir", dir.toString()).exitCode());
    String before = Files.readString(dir.resolve("k.key"));

    var again = BenctlHarness.run("keygen", "k", "--dir", dir.toString());
    assertEquals(ExitCode.REFUSED, again.exitCode(), again::toString);
    assertTrue(
        again.err().contains("k.key: already exists; choose another name or pass --force"),
        again.toString());
    assertEquals("", again.out());
    assertEquals(before, Files.readString(dir.resolve("k.key")), "the existing key is untouched");

    var forced = BenctlHarness.run("keygen", "k", "--dir", dir.toString(), "--force");
    assertEquals(ExitCode.OK, forced.exitCode(), forced::toString);
    assertNotEquals(before, Files.readString(dir.resolve("k.key")));
  }

  @Test
  void refusesUnusableNamesAsUsageErrors() {
    var result = BenctlHarness.run("keygen", "../evil", "--dir", dir.toString());
    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("'../evil' is not a usable key name"), result.toString());
    var missing = BenctlHarness.run("keygen");
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("Missing required parameter: 'NAME'"), missing.toString());
  }
}
