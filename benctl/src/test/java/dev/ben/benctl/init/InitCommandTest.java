package dev.ben.benctl.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.command.ExitCode;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  @TempDir Path dir;

  @Test
  void createsAProjectNamedAfterItsFolderThatChecksWithoutAFinding() throws Exception {
    Path project = dir.resolve("My Shop");
    var result = BenctlHarness.run("init", project.toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertTrue(
        result.out().startsWith("created Ben project 'my-shop' in " + project + "\nFILE "),
        result::toString);
    assertTrue(
        result.out().contains("\nkeys/my-shop.key      signing key: secret, kept out of git\n"),
        result::toString);
    assertTrue(
        result
            .out()
            .endsWith(
                "next: benctl check '"
                    + project
                    + "', then benctl build '"
                    + project
                    + "' and benctl test '"
                    + project
                    + "' (see README.md)\n"),
        result::toString);
    assertEquals("", result.err());

    assertEquals(
        "# Made by `benctl init`. The key signs every bundle built from this project.\n"
            + "name = \"my-shop\"\nkey = \"keys/my-shop.key\"\n",
        Files.readString(project.resolve("ben.project")));
    String keyId = KeyFiles.readSigningKey(project.resolve("keys/my-shop.key")).keyId();
    assertEquals(keyId, Ed25519.keyId(KeyFiles.readPublicKey(project.resolve("keys/my-shop.pub"))));
    assertTrue(Files.readAllLines(project.resolve(".gitignore")).contains("keys/*.key"));
    String readme = Files.readString(project.resolve("README.md"));
    for (String command : new String[] {"benctl check", "benctl build", "benctl test"}) {
      assertTrue(readme.contains(command), readme);
    }

    var check = BenctlHarness.run("check", project.toString());
    assertEquals(ExitCode.OK, check.exitCode(), check::toString);
    assertEquals("my-shop: 1 file, 0 errors, 0 warnings\n", check.out());
    assertEquals("", check.err());

    var fmt = BenctlHarness.run("fmt", "--check", project.toString());
    assertEquals(ExitCode.OK, fmt.exitCode(), "the starter contract is already formatted: " + fmt);
  }

  @Test
  void anExplicitNameIsUsedAndAnUnusableOneIsAUsageError() throws Exception {
    var named = BenctlHarness.run("init", dir.resolve("x").toString(), "--name", "payments");
    assertEquals(ExitCode.OK, named.exitCode(), named::toString);
    assertTrue(Files.readString(dir.resolve("x/ben.project")).contains("name = \"payments\"\n"));
    assertTrue(Files.exists(dir.resolve("x/keys/payments.key")));

    var bad = BenctlHarness.run("init", dir.resolve("y").toString(), "--name", "Pay Ments");
    assertEquals(ExitCode.USAGE, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("'Pay Ments' is not a usable project name"), bad::toString);
    assertTrue(bad.err().contains("e.g. 'pay-ments'"), bad::toString);
    assertFalse(Files.exists(dir.resolve("y")), "nothing is created for a refused name");
  }

  @Test
  void aFolderWithContentIsRefusedAndLeftAsItWas() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    var result = BenctlHarness.run("init", dir.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .contains(
                dir
                    + " is not empty (it holds notes.txt); choose an empty or new folder,"
                    + " or pass --force"),
        result::toString);
    assertEquals("", result.out());
    try (var entries = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("notes.txt")), entries.toList());
    }

    var forced = BenctlHarness.run("init", dir.toString(), "--force");
    assertEquals(ExitCode.OK, forced.exitCode(), forced::toString);
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    assertTrue(Files.exists(dir.resolve(StarterProject.CONTRACT_FILE)));
  }

  @Test
  void aFreshGitRepositoryCountsAsEmpty() throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    var result = BenctlHarness.run("init", dir.toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
  }

  @Test
  void forceNeverReplacesAnExistingKeyAndKeepsExistingIgnoreEntries() throws Exception {
    Path project = dir.resolve("shop");
    assertEquals(ExitCode.OK, BenctlHarness.run("init", project.toString()).exitCode());
    String key = Files.readString(project.resolve("keys/shop.key"));
    Files.writeString(project.resolve(".gitignore"), "*.log");

    var again = BenctlHarness.run("init", project.toString(), "--force");
    assertEquals(ExitCode.OK, again.exitCode(), again::toString);
    assertTrue(
        again.out().contains("\nkeys/shop.key         kept: the existing signing key\n"),
        again::toString);
    assertEquals(key, Files.readString(project.resolve("keys/shop.key")));
    assertEquals("*.log\nkeys/*.key\ntarget/\n", Files.readString(project.resolve(".gitignore")));
  }

  @Test
  void forceRefusesAnUnusableExistingKeyWithoutTouchingIt() throws Exception {
    Path project = dir.resolve("shop");
    assertEquals(ExitCode.OK, BenctlHarness.run("init", project.toString()).exitCode());
    Files.writeString(project.resolve("keys/shop.key"), "not a key");
    Files.writeString(project.resolve(StarterProject.CONTRACT_FILE), "// edited");

    var result = BenctlHarness.run("init", project.toString(), "--force");
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("an existing key pair is in the way and init never replaces keys"),
        result::toString);
    assertEquals("not a key", Files.readString(project.resolve("keys/shop.key")));
    assertEquals(
        "// edited",
        Files.readString(project.resolve(StarterProject.CONTRACT_FILE)),
        "a refused init writes nothing");
  }

  @Test
  void aFileInPlaceOfTheFolderIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    var result = BenctlHarness.run("init", file.toString(), "--force");
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(result.err().contains("taken exists and is not a folder"), result::toString);
  }

  @Test
  void theSuggestedCommandsArePasteable() {
    assertEquals("", InitCommand.argument(Path.of(".")));
    assertEquals(" shop", InitCommand.argument(Path.of("shop")));
    assertEquals(" '/tmp/it'\\''s mine'", InitCommand.argument(Path.of("/tmp/it's mine")));
  }
}
