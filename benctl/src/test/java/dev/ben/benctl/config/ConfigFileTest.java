package dev.ben.benctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.command.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

  private static final Instant EXPIRES = Instant.parse("2026-12-05T09:00:00Z");

  @TempDir Path dir;

  private static BenctlConfig sample() {
    return BenctlConfig.empty()
        .with(
            Context.of("local", "127.0.0.1:7070")
                .loggedIn("127.0.0.1:7070", "admin", "t1", EXPIRES))
        .with(new Context("prod", "ben.example:7070", "/etc/ben/ca.pem", "ops", null, null))
        .withCurrent("local");
  }

  @Test
  void whatIsSavedLoadsBackTheSame() {
    var file = new ConfigFile(dir.resolve("ben").resolve("config.json"));
    file.save(sample());
    assertEquals(sample(), file.load());
  }

  @Test
  void theFileUsesKubectlStyleKeysAndReadableTimes() throws IOException {
    var file = new ConfigFile(dir.resolve("config.json"));
    file.save(sample());
    String text = Files.readString(file.path());
    assertTrue(text.contains("\"current-context\" : \"local\""), text);
    assertTrue(text.contains("\"token-expires\" : \"2026-12-05T09:00:00Z\""), text);
    assertTrue(!text.contains("\"token\" : null"), "absent values are left out\n" + text);
  }

  @Test
  void aMissingOrEmptyFileHoldsNoContexts() throws IOException {
    var file = new ConfigFile(dir.resolve("nowhere").resolve("config.json"));
    assertEquals(BenctlConfig.empty(), file.load());
    Files.writeString(dir.resolve("empty.json"), "\n");
    assertEquals(BenctlConfig.empty(), new ConfigFile(dir.resolve("empty.json")).load());
  }

  @Test
  void theFileAndTheDirectoryBenctlCreatesAreOwnerOnly() throws IOException {
    Path directory = dir.resolve("ben");
    var file = new ConfigFile(directory.resolve("config.json"));
    file.save(sample());
    assertEquals("rw-------", permissions(file.path()));
    assertEquals("rwx------", permissions(directory));
    // A file someone made readable to others is tightened by the next write.
    Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));
    file.save(sample().withCurrent("prod"));
    assertEquals("rw-------", permissions(file.path()));
  }

  @Test
  void aSaveReplacesTheFileInOneMoveAndLeavesNoTemporaryFile() throws IOException {
    var file = new ConfigFile(dir.resolve("config.json"));
    file.save(sample());
    Object before = Files.readAttributes(file.path(), "unix:ino").get("ino");
    // Held open across the save, as a concurrent benctl reading the file would.
    try (InputStream reader = Files.newInputStream(file.path())) {
      file.save(sample().withCurrent("prod"));
      String old = new String(reader.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(old.contains("\"current-context\" : \"local\""), "a reader sees a whole file");
    }
    Object after = Files.readAttributes(file.path(), "unix:ino").get("ino");
    assertNotEquals(before, after, "a new file was moved over the old one, not rewritten in place");
    assertEquals("prod", file.load().currentContext());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file.path()), files.toList());
    }
  }

  @Test
  void malformedFilesAreRefusedWithThePathAndTheProblemAndLeftAlone() throws IOException {
    assertMalformed("{\"contexts\": [", "Unexpected end-of-input");
    assertMalformed(
        "{\"current-context\": \"a\", \"contexts\": []}", "\"current-context\" names 'a'");
    assertMalformed(
        "{\"contexts\": [{\"name\": \"a\", \"server\": \"h:1\", \"sever\": \"h:2\"}]}",
        "unknown key \"sever\"",
        "contexts[0]");
    assertMalformed("{\"contexts\": [{\"name\": \"a\"}]}", "context 'a' has no \"server\"");
    assertMalformed(
        "{\"contexts\": [{\"name\": \"a\", \"server\": \"h:1\", \"token-expires\": \"soon\"}]}",
        "contexts[0].token-expires");
    assertMalformed(
        "{\"contexts\": [{\"name\": \"a\", \"server\": \"h:1\"}, {\"name\": \"a\", \"server\": \"h:2\"}]}",
        "two contexts are named 'a'");
    assertMalformed("{} {}", "line 1");
    assertMalformed("null", "null instead of an object");
  }

  private void assertMalformed(String text, String... problems) throws IOException {
    Path path = dir.resolve("config.json");
    Files.writeString(path, text);
    var failure = assertThrows(CommandFailure.class, () -> new ConfigFile(path).load());
    assertEquals(ExitCode.REFUSED, failure.exitCode());
    assertTrue(
        failure.getMessage().startsWith(path + " is not a valid benctl configuration: "),
        failure.getMessage());
    for (String problem : problems) {
      assertTrue(
          failure.getMessage().contains(problem),
          () -> problem + " not in: " + failure.getMessage());
    }
    assertEquals(text, Files.readString(path), "a refused file is not touched");
  }

  @Test
  void theLocationIsBenctlConfigElseXdgElseHome() {
    assertEquals(
        Path.of("/x/mine.json"),
        ConfigFile.location(
            env(Map.of("BENCTL_CONFIG", "/x/mine.json", "XDG_CONFIG_HOME", "/xdg")), "/home/u"));
    assertEquals(
        Path.of("/xdg/ben/config.json"),
        ConfigFile.location(
            env(Map.of("XDG_CONFIG_HOME", "/xdg", "BENCTL_CONFIG", " ")), "/home/u"));
    assertEquals(
        Path.of("/home/u/.config/ben/config.json"), ConfigFile.location(env(Map.of()), "/home/u"));
  }

  private static Environment env(Map<String, String> variables) {
    return new Environment(variables, InputStream.nullInputStream(), null);
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
