package dev.ben.benctl.bundle;

import static org.junit.jupiter.api.Assertions.*;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.command.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

  @TempDir Path dir;
  private SampleBundle sample;

  @BeforeEach
  void writeSample() throws Exception {
    sample = SampleBundle.writeTo(dir);
  }

  @Test
  void showsManifestAndArtifactsAsATable() {
    var result = BenctlHarness.run("inspect", sample.bundle().toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.startsWith("bundle            sha256:"), out);
    assertTrue(out.contains("\nproject           auth-demo\n"), out);
    assertTrue(out.contains("\ncompiler version  0.1.0\n"), out);
    assertTrue(out.contains("\nsigned by         " + sample.keyId() + "\n"), out);
    assertTrue(out.contains("\nKIND    NAME         FINGERPRINT\n"), out);
    assertTrue(out.contains("The signature was not checked"), out);
    // The sample's artifacts are not compiled contracts: they are listed, and the notes say why
    // they are not shown.
    assertTrue(out.contains("\n== schemas ==\n\nno schemas\n"), out);
    assertTrue(
        result
            .err()
            .startsWith(
                "benctl: note: the artifacts are listed but not shown as contracts: "
                    + "malformed bundle: the bundle was compiled by 0.1.0 but this runtime reads benc-1"),
        result::toString);
  }

  @Test
  void jsonOutputListsArtifactsInBundleOrder() throws Exception {
    var result = BenctlHarness.run("inspect", "-o", "json", sample.bundle().toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    var json = SampleBundle.JSON.readTree(result.out());
    assertTrue(json.get("id").textValue().startsWith("sha256:"));
    assertEquals("auth-demo", json.get("project").textValue());
    assertEquals(16, json.get("build_id").textValue().length());
    assertEquals("login_guard", json.get("artifacts").get(0).get("name").textValue());
    assertEquals("login", json.get("artifacts").get(1).get("name").textValue());
  }

  @Test
  void refusesTamperedCorruptAndMissingBundles() throws Exception {
    Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello");
    var corrupt = BenctlHarness.run("inspect", notJson.toString());
    assertEquals(ExitCode.REFUSED, corrupt.exitCode(), corrupt::toString);
    assertTrue(corrupt.err().contains("notes.txt: not a Ben bundle"), corrupt.toString());
    assertEquals("", corrupt.out());

    var directory = BenctlHarness.run("inspect", dir.toString());
    assertEquals(ExitCode.REFUSED, directory.exitCode(), directory::toString);
    assertTrue(
        directory.err().contains("this folder has no ben.project, so it is not a Ben project"),
        directory.toString());

    var missing = BenctlHarness.run("inspect", dir.resolve("gone.bundle").toString());
    assertEquals(ExitCode.REFUSED, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("gone.bundle: no such file"), missing.toString());

    sample.tamperWithSchema();
    var tampered = BenctlHarness.run("inspect", sample.bundle().toString());
    assertEquals(ExitCode.REFUSED, tampered.exitCode(), tampered::toString);
    assertTrue(tampered.err().contains("artifact schema/login was changed"), tampered.toString());
  }
}
