package dev.ben.contracts.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractBundlesTest {

  private static final Path AUTH = Path.of("../examples/auth");

  @TempDir Path temp;

  private static ContractSet compile(Path project) {
    LoadedProject loaded = ProjectLoader.load(project);
    assertTrue(loaded.ok(), loaded.diagnostics()::render);
    return loaded.compile("").orElseThrow();
  }

  @Test
  void aBundleGivesBackTheContractsItWasBuiltFrom() throws Exception {
    ContractSet compiled = compile(AUTH);
    Bundle bundle = ContractBundles.build(compiled, TestBundles.SIGNER);
    ContractSet decoded = ContractBundles.contracts(BundleReader.read(bundle.toBytes()), "");
    assertEquals(ModelJson.toJson(compiled), ModelJson.toJson(decoded));
    assertTrue(
        bundle
            .artifact(ContractBundles.SCHEMA, "login")
            .orElseThrow()
            .content()
            .get("ddl")
            .asText()
            .startsWith("CREATE TABLE"));
  }

  @Test
  void theSameSourcesGiveTheSameBytesWhateverTheOrderTheFilesWereWrittenIn() throws IOException {
    byte[] first =
        ContractBundles.build(
                compile(copyInRandomOrder(AUTH, temp.resolve("a"), 1)), TestBundles.SIGNER)
            .toBytes();
    byte[] second =
        ContractBundles.build(
                compile(copyInRandomOrder(AUTH, temp.resolve("b"), 2)), TestBundles.SIGNER)
            .toBytes();
    assertArrayEquals(first, second);
  }

  @Test
  void anArtifactWhoseModelFingerprintWasAlteredIsRefused() throws Exception {
    Bundle bundle = ContractBundles.build(compile(AUTH), TestBundles.SIGNER);
    List<TestBundles.Entry> entries = new ArrayList<>();
    for (Artifact artifact : bundle.artifacts()) {
      var content = artifact.content().deepCopy();
      if (artifact.kind().equals(ContractBundles.SIGNAL)) {
        ((ObjectNode) content).put("name", "unlock_account");
      }
      entries.add(new TestBundles.Entry(artifact.kind(), artifact.name(), content));
    }
    var rebuilt = BundleBuilder.forProject("auth", ContractBundles.COMPILER_VERSION);
    entries.forEach(e -> rebuilt.add(e.kind(), e.name(), e.content()));
    var refused =
        assertThrows(
            BundleRefusedException.class,
            () -> ContractBundles.contracts(rebuilt.build(TestBundles.SIGNER), "1"));
    assertEquals(
        "malformed bundle: signal/lock_account: its model fingerprint does not match its content",
        refused.getMessage());
  }

  @Test
  void aBundleFromAnotherCompilerIsRefusedWithWhatToDo() {
    Bundle foreign = BundleBuilder.forProject("auth", "benc-0").build(TestBundles.SIGNER);
    var refused =
        assertThrows(BundleRefusedException.class, () -> ContractBundles.contracts(foreign, "1"));
    assertTrue(
        refused.getMessage().contains("compiled by benc-0 but this runtime reads benc-1; rebuild"),
        refused.getMessage());
  }

  /**
   * Copies a project, creating its files in a shuffled order so directory listing order differs.
   */
  private static Path copyInRandomOrder(Path from, Path to, long seed) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
    }
    Collections.shuffle(files, new Random(seed));
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }
    return to;
  }
}
