package dev.ben.benctl.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.view.ContractSetView;
import dev.ben.benctl.view.Section;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benctl inspect} on a project folder, and on a bundle of the same project's compiled
 * artifacts.
 */
class InspectProjectTest {

  private static final String AUTH = "../examples/auth";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ContractSet auth;

  @TempDir Path dir;

  @BeforeAll
  static void compile() {
    auth = ProjectLoader.load(Path.of(AUTH)).compile("dev").orElseThrow();
  }

  @Test
  void aProjectFolderIsCompiledAndShownSectionBySection() {
    var result = BenctlHarness.run("inspect", AUTH);
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(
        out.startsWith(
            """
        project      auth
        folder       ../examples/auth
        checked      auth: 3 files, 0 errors, 0 warnings
        compiled as  version dev (in memory; nothing was written)

        == schemas ==
        """),
        out);
    assertTrue(out.endsWith(ContractSetView.text(auth, Section.expand(List.of()))), out);
    assertTrue(
        out.contains("\n  5    heat.WARM       attempts >= 3                    attempts_level\n"),
        out);
    assertEquals("", result.err());
  }

  @Test
  void oneSectionPrintsOnlyThatSection() {
    var result = BenctlHarness.run("inspect", AUTH, "--section", "ddl");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    assertEquals(
        "-- schema login v1, table logins\n" + auth.schemas().get(0).ddl() + ";\n", result.out());

    var two = BenctlHarness.run("inspect", AUTH, "--section", "playbooks,bits");
    assertEquals(ExitCode.OK, two.exitCode(), two::toString);
    assertTrue(
        two.out().startsWith("== bits ==\n\npolicy login_guard on login: 8 bits\n"), two::toString);
    assertTrue(two.out().contains("\n== playbooks ==\n"), two::toString);
    assertFalse(two.out().contains("== rules =="), two::toString);

    var unknown = BenctlHarness.run("inspect", AUTH, "--section", "everything");
    assertEquals(ExitCode.USAGE, unknown.exitCode(), unknown::toString);
    assertTrue(
        unknown
            .err()
            .contains(
                "expected one of [schemas, lists, ddl, bits, rules, detectors, playbooks,"
                    + " pipelines, all]"),
        unknown::toString);
  }

  @Test
  void jsonIsOneDocumentWithTheChosenSections() throws Exception {
    var result = BenctlHarness.run("inspect", AUTH, "-o", "json", "--section", "rules");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    var json = JSON.readTree(result.out());
    assertEquals("project", json.get("source").textValue());
    assertEquals("auth", json.get("project").textValue());
    assertEquals("dev", json.get("version").textValue());
    assertFalse(json.has("schemas"));
    var rule = json.get("rules").get(0).get("rules").get(0);
    assertEquals("brute_force", rule.get("name").textValue());
    assertEquals(10, rule.get("priority").intValue());
    assertEquals("internal_ip", rule.get("none").get(0).textValue());
    assertEquals(
        "hash(keyed)", json.get("rules").get(0).get("redactions").get(1).get("op").textValue());
  }

  @Test
  void aProjectWithErrorsIsRefusedWithItsDiagnostics() throws Exception {
    Files.writeString(dir.resolve("ben.project"), "name = \"broken\"\nkey = \"keys/broken.key\"\n");
    Files.writeString(dir.resolve("main.ben"), "list l: strng = [\"a\"]\n");
    var result = BenctlHarness.run("inspect", dir.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(result.err().contains("main.ben:1:9: error:"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void aBundleShowsItsManifestThenTheSameSectionsAsItsProject() throws Exception {
    Path bundle =
        Files.write(
            dir.resolve("auth.bundle"), ContractBundles.build(auth, Ed25519.generate()).toBytes());
    var result = BenctlHarness.run("inspect", bundle.toString());
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.startsWith("bundle            sha256:"), out);
    assertTrue(out.contains("\nplaybook  lockout              sha256:"), out);
    String sections = ContractSetView.text(auth, Section.expand(List.of()));
    assertTrue(
        out.contains("\n\n" + sections + "\nThe signature was not checked; run 'benctl verify "),
        out);
    assertEquals("", result.err());

    var json = JSON.readTree(BenctlHarness.run("inspect", bundle.toString(), "-o", "json").out());
    assertEquals("bundle", json.get("source").textValue());
    assertEquals(8, json.get("artifacts").size());
    assertEquals(
        "brute_force and login_rate.fails > 20",
        json.get("playbooks").get(0).get("when").textValue());
    assertEquals(8, json.get("bits").get(0).get("bits").size());
  }
}
