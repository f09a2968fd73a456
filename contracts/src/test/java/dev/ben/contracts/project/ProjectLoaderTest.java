package dev.ben.contracts.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
  private static final String SETTINGS = "name = \"demo\"\nkey = \"keys/demo.key\"\n";
  private static final String SCHEMA =
      "schema s v1 {\n  table events\n  key [id]\n  fields { id: string }\n}\n";

  private static List<String> headers(LoadedProject project) {
    return project.diagnostics().sorted().stream().map(Diagnostic::header).toList();
  }

  private static LoadedProject load(Map<String, String> files) {
    return ProjectLoader.load(SourceTree.of(files));
  }

  @Test
  void importsMakeDeclarationsVisibleAcrossFiles() {
    LoadedProject project =
        load(
            Map.of(
                "ben.project",
                SETTINGS,
                "a.ben",
                SCHEMA,
                "b.ben",
                "import \"a.ben\"\npolicy p on s { predicate x = id == \"1\" }\n"));
    assertEquals(List.of(), headers(project));
    assertTrue(project.ok());
  }

  @Test
  void usingADeclarationWithoutImportingItsFileSaysWhichImportToAdd() {
    LoadedProject project =
        load(
            Map.of(
                "ben.project",
                SETTINGS,
                "a.ben",
                SCHEMA,
                "sub/b.ben",
                "policy p on s { predicate x = id == \"1\" }\n"));
    assertEquals(
        List.of(
            "sub/b.ben:1:13: error: schema `s` is declared in `a.ben`, which `sub/b.ben` does not "
                + "import"),
        headers(project));
    assertEquals(
        List.of("add `import \"../a.ben\"`"), project.diagnostics().sorted().get(0).hints());
  }

  @Test
  void importCyclesAndMissingFilesAreErrors() {
    LoadedProject project =
        load(
            Map.of(
                "ben.project",
                SETTINGS,
                "a.ben",
                "import \"b.ben\"\n" + SCHEMA,
                "b.ben",
                "import \"a.ben\"\nimport \"gone.ben\"\n"));
    assertEquals(
        List.of(
            "b.ben:1:8: error: import cycle: a.ben -> b.ben -> a.ben",
            "b.ben:2:8: error: imported file \"gone.ben\" does not exist"),
        headers(project));
  }

  @Test
  void importsMayNotLeaveTheProject() {
    LoadedProject project =
        load(Map.of("ben.project", SETTINGS, "a.ben", "import \"../x.ben\"\n" + SCHEMA));
    assertEquals(
        List.of("a.ben:1:8: error: import \"../x.ben\" points outside the project"),
        headers(project));
  }

  @Test
  void fileOrderDoesNotChangeTheResult() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("ben.project", SETTINGS);
    forward.put("a.ben", SCHEMA);
    forward.put("b.ben", "schema s v2 {\n  table other\n  key [id]\n  fields { id: string }\n}\n");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("b.ben", forward.get("b.ben"));
    backward.put("a.ben", SCHEMA);
    backward.put("ben.project", SETTINGS);
    assertEquals(List.of("b.ben:1:8: error: duplicate schema `s`"), headers(load(forward)));
    assertEquals(headers(load(forward)), headers(load(backward)));
  }

  @Test
  void benProjectRefusesUnknownKeysAndRequiresNameAndKey() {
    LoadedProject project =
        load(
            Map.of(
                "ben.project",
                "# settings\nnmae = \"x\"\npii = \"loud\"\nbroken line\n",
                "a.ben",
                SCHEMA));
    assertEquals(
        List.of(
            "ben.project:1:1: error: ben.project does not name the project",
            "ben.project:1:1: error: ben.project does not name the signing key",
            "ben.project:2:1: error: unknown setting `nmae` in ben.project; expected one of name, key, pii",
            "ben.project:3:7: error: pii must be \"warn\" or \"error\", not \"loud\"",
            "ben.project:4:1: error: expected `key = \"value\"` in ben.project"),
        headers(project));
    assertEquals(null, project.settings());
  }

  @Test
  void missingBenProjectIsReported() {
    LoadedProject project = load(Map.of("a.ben", SCHEMA));
    assertEquals(
        List.of(
            "ben.project:1:1: error: this folder has no ben.project, so it is not a Ben project"),
        headers(project));
  }

  @Test
  void listFileEntriesAreCheckedWithPositionsInTheListFile() {
    LoadedProject project =
        load(
            Map.of(
                "ben.project",
                SETTINGS,
                "a.ben",
                SCHEMA + "list ports: u16 = file(\"lists/ports.txt\")\n",
                "lists/ports.txt",
                "# ports\n22\n\n  99999\nabc\n"));
    assertEquals(
        List.of(
            "lists/ports.txt:4:3: error: number 99999 is out of range for `u16` (0..65535)",
            "lists/ports.txt:5:1: error: expected a `u16` value in list `ports`, found `abc`"),
        headers(project));
  }

  @Test
  void piiSettingTurnsTheWarningIntoAnError() {
    String sources =
        "schema s v1 {\n  table events\n  key [id]\n  fields { id: string\n mail: string @pii }\n}\n"
            + "pipeline p {\n  schemas [s]\n  store { table events }\n}\n";
    LoadedProject warn = load(Map.of("ben.project", SETTINGS, "a.ben", sources));
    assertTrue(warn.ok());
    assertEquals(Severity.WARNING, warn.diagnostics().sorted().get(0).severity());
    LoadedProject error =
        load(Map.of("ben.project", SETTINGS + "pii = \"error\"\n", "a.ben", sources));
    assertFalse(error.ok());
    assertEquals(
        List.of(
            "a.ben:9:17: error: @pii field `mail` of schema `s` reaches the store of pipeline `p` "
                + "without a `redact`"),
        headers(error));
  }

  @Test
  void loadsFromDisk(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ben.project"), SETTINGS);
    Files.createDirectories(dir.resolve("contracts"));
    Files.writeString(
        dir.resolve("contracts/a.ben"), SCHEMA + "list l: string = file(\"names.txt\")\n");
    Files.writeString(dir.resolve("contracts/names.txt"), "x\ny\n");
    Files.createDirectories(dir.resolve(".hidden"));
    Files.writeString(dir.resolve(".hidden/ignored.ben"), "this is not parsed");
    LoadedProject project = ProjectLoader.load(dir);
    assertEquals(List.of(), headers(project));
    assertEquals(List.of("x", "y"), project.program().orElseThrow().list("l").values());
  }

  @Test
  void theSourcesAreExactlyTheFilesTheProjectWasBuiltFrom(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ben.project"), SETTINGS);
    Files.createDirectories(dir.resolve("contracts"));
    String contract = SCHEMA + "list l: string = file(\"names.txt\")\n";
    Files.writeString(dir.resolve("contracts/a.ben"), contract);
    Files.writeString(dir.resolve("contracts/names.txt"), "x\ny\n");
    Files.writeString(dir.resolve("contracts/unused.txt"), "never named\n");
    Files.createDirectories(dir.resolve("keys"));
    Files.writeString(dir.resolve("keys/demo.key"), "private\n");
    assertEquals(
        Map.of(
            "ben.project", SETTINGS, "contracts/a.ben", contract, "contracts/names.txt", "x\ny\n"),
        ProjectLoader.load(dir).sources());
  }

  @Test
  void listFilesReachedThroughSymlinksOutsideTheProjectAreRefused(@TempDir Path dir)
      throws IOException {
    Path project = Files.createDirectories(dir.resolve("p"));
    Files.writeString(dir.resolve("secret.txt"), "s\n");
    Files.writeString(project.resolve("ben.project"), SETTINGS);
    Files.writeString(project.resolve("a.ben"), SCHEMA + "list l: string = file(\"link.txt\")\n");
    Files.createSymbolicLink(project.resolve("link.txt"), dir.resolve("secret.txt"));
    assertEquals(
        List.of("a.ben:6:23: error: list file \"link.txt\" was not found in the project"),
        headers(ProjectLoader.load(project)));
  }

  @Test
  void filesThatAreNotUtf8AreReportedNotThrown(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("ben.project"), SETTINGS);
    Files.writeString(dir.resolve("a.ben"), SCHEMA);
    Files.write(dir.resolve("b.ben"), new byte[] {'x', (byte) 0xff, (byte) 0xfe});
    assertEquals(
        List.of("b.ben:1:1: error: b.ben is not valid UTF-8 text; save it as UTF-8"),
        headers(ProjectLoader.load(dir)));
  }
}
