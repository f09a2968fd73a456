package dev.ben.benctl.bundle;

import static org.junit.jupiter.api.Assertions.*;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.command.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

  @TempDir Path dir;
  private SampleBundle sample;

  @BeforeEach
  void writeSample() throws Exception {
    sample = SampleBundle.writeTo(dir);
  }

  @Test
  void printsOkWithIdentityAndArtifacts() {
    var result =
        BenctlHarness.run(
            "verify", sample.bundle().toString(), "--trust", sample.trustedPub().toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertTrue(
        result
            .out()
            .startsWith(
                "OK " + sample.bundle() + " verified: signed by trusted key " + sample.keyId()),
        result.toString());
    assertTrue(result.out().matches("(?s).*\nbundle +sha256:[0-9a-f]{64}\n.*"), result.toString());
    assertTrue(
        result.out().matches("(?s).*\nschema +login +sha256:[0-9a-f]{64}\n.*"), result.toString());
    assertTrue(result.out().contains("\npolicy  login_guard  sha256:"), result.toString());
    assertEquals("", result.err());
  }

  @Test
  void acceptsOptionsBeforeTheBundleAndSeveralTrustedKeys() {
    var result =
        BenctlHarness.run(
            "verify",
            "--trust",
            sample.strangerPub().toString(),
            "--trust",
            sample.trustedPub().toString(),
            sample.bundle().toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("signed by trusted key " + sample.keyId()), result.toString());
  }

  @Test
  void jsonOutputCarriesTheSameFacts() throws Exception {
    var result =
        BenctlHarness.run(
            "verify", sample.bundle().toString(), "--trust-dir", dir.toString(), "-o", "json");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    var json = SampleBundle.JSON.readTree(result.out());
    assertTrue(json.get("ok").booleanValue());
    assertEquals(sample.keyId(), json.get("key_id").textValue());
    assertEquals(2, json.get("artifacts").size());
    assertEquals("policy", json.get("artifacts").get(0).get("kind").textValue());
  }

  @Test
  void refusesUntrustedSigners() throws Exception {
    var result =
        BenctlHarness.run(
            "verify",
            sample.bundle().toString(),
            "--trust",
            sample.strangerPub().toString(),
            "-o",
            "json");
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .contains(
                "REFUSED "
                    + sample.bundle()
                    + ": signing key not trusted: the bundle is"
                    + " signed by "
                    + sample.keyId()),
        result.toString());
    var json = SampleBundle.JSON.readTree(result.out());
    assertFalse(json.get("ok").booleanValue());
    assertEquals("KEY_NOT_TRUSTED", json.get("reason").textValue());
  }

  @Test
  void refusesTamperedBundlesNamingTheArtifact() throws Exception {
    sample.tamperWithSchema();
    var result =
        BenctlHarness.run(
            "verify", sample.bundle().toString(), "--trust", sample.trustedPub().toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("artifact fingerprint mismatch: artifact schema/login was changed"),
        result.toString());
    assertEquals("", result.out());
  }

  @Test
  void refusesCorruptAndMissingFiles() throws Exception {
    Path corrupt = Files.writeString(dir.resolve("corrupt.bundle"), "{\"format\":\"ben-bundle\",");
    var result =
        BenctlHarness.run("verify", corrupt.toString(), "--trust", sample.trustedPub().toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("not a Ben bundle: the file is not valid JSON at line 1"),
        result.toString());

    var missing =
        BenctlHarness.run(
            "verify",
            dir.resolve("nope.bundle").toString(),
            "--trust",
            sample.trustedPub().toString());
    assertEquals(ExitCode.REFUSED, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("nope.bundle: no such file"), missing.toString());
  }

  @Test
  void explainsProblemsWithTheTrustedKeys() throws Exception {
    var none = BenctlHarness.run("verify", sample.bundle().toString());
    assertEquals(ExitCode.USAGE, none.exitCode(), none::toString);
    assertTrue(
        none.err().contains("no trusted keys given; pass --trust FILE.pub"), none.toString());

    var privateKey =
        BenctlHarness.run(
            "verify", sample.bundle().toString(), "--trust", dir.resolve("release.key").toString());
    assertEquals(ExitCode.REFUSED, privateKey.exitCode(), privateKey::toString);
    assertTrue(
        privateKey.err().contains("holds a PRIVATE key; pass the matching .pub"),
        privateKey.toString());

    var missingKey =
        BenctlHarness.run("verify", sample.bundle().toString(), "--trust", "absent.pub");
    assertEquals(ExitCode.REFUSED, missingKey.exitCode(), missingKey::toString);
    assertTrue(missingKey.err().contains("absent.pub: no such file"), missingKey.toString());

    Path empty = Files.createDirectory(dir.resolve("empty"));
    var emptyDir =
        BenctlHarness.run("verify", sample.bundle().toString(), "--trust-dir", empty.toString());
    assertEquals(ExitCode.REFUSED, emptyDir.exitCode(), emptyDir::toString);
    assertTrue(emptyDir.err().contains("holds no *.pub files to trust"), emptyDir.toString());
  }
}
