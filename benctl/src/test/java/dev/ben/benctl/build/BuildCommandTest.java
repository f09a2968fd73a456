package dev.ben.benctl.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.ExitCode;
import dev.ben.contracts.bundle.Artifact;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.bundle.SourceArtifacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

  @TempDir Path temp;

  @Test
  void buildsTheSameBytesTwiceAndTheBundleVerifiesWithTheProjectKey() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    var first = BenctlHarness.run("build", project.toString());
    assertEquals(ExitCode.OK, first.exitCode(), first::toString);
    Path bundle = project.resolve("target/auth.bundle");
    assertTrue(first.out().contains("bundle     " + bundle), first::toString);
    assertTrue(
        first
            .out()
            .contains(
                "13 (1 detector, 2 list, 1 pipeline, 1 playbook, 1 policy, 1 schema, 1 signal,"
                    + " 5 source)"),
        first::toString);
    byte[] bytes = Files.readAllBytes(bundle);
    assertEquals(ExitCode.OK, BenctlHarness.run("build", project.toString()).exitCode());
    assertArrayEquals(bytes, Files.readAllBytes(bundle));
    var verified =
        BenctlHarness.run(
            "verify", bundle.toString(), "--trust", project.resolve("keys/auth.pub").toString());
    assertEquals(ExitCode.OK, verified.exitCode(), verified::toString);
  }

  @Test
  void aTamperedBundleFailsVerification() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    assertEquals(ExitCode.OK, BenctlHarness.run("build", project.toString()).exitCode());
    Path bundle = project.resolve("target/auth.bundle");
    String text = Files.readString(bundle, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"KP\""));
    Files.writeString(bundle, text.replace("\"KP\"", "\"KR\""), StandardCharsets.UTF_8);
    var result =
        BenctlHarness.run(
            "verify", bundle.toString(), "--trust", project.resolve("keys/auth.pub").toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .contains(
                "artifact fingerprint mismatch: artifact list/high_risk_countries was changed"),
        result::toString);
  }

  @Test
  void signsWithAnotherKeyWhenAsked() {
    Path project = ExampleProjects.copy("auth", temp);
    var keygen = BenctlHarness.run("keygen", "release", "--dir", temp.toString(), "-o", "json");
    assertEquals(ExitCode.OK, keygen.exitCode(), keygen::toString);
    var result =
        BenctlHarness.run(
            "build",
            project.toString(),
            "--key",
            temp.resolve("release.key").toString(),
            "-o",
            "json");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    String keyId = keygen.out().replaceAll("(?s).*\"key_id\" : \"([^\"]+)\".*", "$1");
    assertTrue(result.out().contains("\"key_id\" : \"" + keyId + "\""), result::toString);
  }

  @Test
  void aMissingKeyIsRefusedWithTheCommandThatMakesIt() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    Files.delete(project.resolve("keys/auth.key"));
    var result = BenctlHarness.run("build", project.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("no signing key at " + project.resolve("keys/auth.key")),
        result::toString);
    assertTrue(
        result.err().contains("benctl keygen auth --dir " + project.resolve("keys")),
        result::toString);
    assertFalse(Files.exists(project.resolve("target/auth.bundle")));
  }

  @Test
  void aBrokenContractStopsTheBuildWithItsPosition() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    Path guard = project.resolve("guard.ben");
    Files.writeString(guard, Files.readString(guard).replace("attempts > 5", "attempt > 5"));
    var result = BenctlHarness.run("build", project.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("guard.ben:4:30: error: unknown field `attempt` in schema `login`"),
        result::toString);
    assertTrue(result.err().contains("did you mean `attempts`?"), result::toString);
    assertFalse(Files.exists(project.resolve("target")));
  }

  @Test
  void theBundleCarriesTheProjectsSourceFilesAndNotItsKey() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    assertEquals(ExitCode.OK, BenctlHarness.run("build", project.toString()).exitCode());
    Bundle bundle = BundleReader.read(project.resolve("target/auth.bundle"));
    assertEquals(
        List.of("ben.project", "guard.ben", "lists/sanctions.txt", "login.ben", "response.ben"),
        bundle.artifacts(SourceArtifacts.KIND).stream().map(Artifact::name).toList());
    assertEquals(
        Files.readString(project.resolve("guard.ben")),
        SourceArtifacts.text(bundle.artifact(SourceArtifacts.KIND, "guard.ben").orElseThrow())
            .orElseThrow());
  }

  @Test
  void aSourceFileTooLargeToCarryStopsTheBuildNamingTheFile() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    Path guard = project.resolve("guard.ben");
    String padding = ("// " + "x".repeat(60) + "\n").repeat(20_000);
    Files.writeString(guard, Files.readString(guard) + padding);
    var result = BenctlHarness.run("build", project.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("source file guard.ben is ")
            && result.err().contains("more than the 1048576 a bundle carries per source file"),
        result::toString);
    assertFalse(Files.exists(project.resolve("target/auth.bundle")));
  }
}
