package dev.ben.contracts.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bundle built with the auth example's sources: they travel signed beside the compiled artifacts,
 * a changed source breaks verification, and evaluation never sees them.
 */
class SourceArtifactsTest {

  private static final TrustedKeys TRUSTED = TrustedKeys.of(TestBundles.SIGNER.publicKey());
  private static final LoadedProject AUTH = ProjectLoader.load(Path.of("../examples/auth"));

  private static Bundle withSources() {
    return ContractBundles.build(
        AUTH.compile("").orElseThrow(), AUTH.sources(), TestBundles.SIGNER);
  }

  @Test
  void everySourceFileTheProjectWasBuiltFromIsASignedArtifactThatRoundTrips() throws Exception {
    Bundle read = BundleReader.read(withSources().toBytes());
    assertEquals(
        List.of("ben.project", "guard.ben", "lists/sanctions.txt", "login.ben", "response.ben"),
        read.artifacts(SourceArtifacts.KIND).stream().map(Artifact::name).toList());
    Artifact login = read.artifact(SourceArtifacts.KIND, "login.ben").orElseThrow();
    assertEquals(AUTH.sources().get("login.ben"), SourceArtifacts.text(login).orElseThrow());
    assertEquals("login.ben", login.content().get("path").asText());
    assertTrue(BundleVerifier.verify(withSources().toBytes(), TRUSTED).ok());
  }

  @Test
  void aSourceChangedAfterSigningFailsVerificationAndIsNamed() throws Exception {
    var file =
        (ObjectNode) TestBundles.json(new String(withSources().toBytes(), StandardCharsets.UTF_8));
    for (var entry : (ArrayNode) file.get("artifacts")) {
      if (entry.get("name").asText().equals("login.ben")) {
        var content = (ObjectNode) entry.get("content");
        content.put("text", content.get("text").asText().replace("\"KP\"", "\"KR\""));
      }
    }
    var refused =
        assertInstanceOf(
            Verification.Refused.class,
            BundleVerifier.verify(TestBundles.JSON.writeValueAsBytes(file), TRUSTED));
    assertEquals(Refusal.Reason.ARTIFACT_FINGERPRINT_MISMATCH, refused.refusal().reason());
    assertTrue(
        refused.refusal().detail().contains("artifact source/login.ben was changed"),
        refused.refusal().detail());
  }

  @Test
  void evaluationReadsTheSameContractsWithOrWithoutSources() throws Exception {
    ContractSet with = ContractBundles.contracts(withSources(), "1");
    ContractSet without =
        ContractBundles.contracts(
            ContractBundles.build(AUTH.compile("").orElseThrow(), TestBundles.SIGNER), "1");
    assertEquals(ModelJson.toJson(without), ModelJson.toJson(with));
  }

  @Test
  void aSourceFileOverTheLimitIsRefusedByName() {
    String big = "#".repeat(SourceArtifacts.MAX_TEXT_BYTES + 1);
    var refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ContractBundles.build(
                    AUTH.compile("").orElseThrow(),
                    Map.of("lists/huge.txt", big),
                    TestBundles.SIGNER));
    assertEquals(
        "source file lists/huge.txt is 1048577 bytes, more than the 1048576 a bundle carries per"
            + " source file; split it into smaller files",
        refused.getMessage());
  }

  @Test
  void aPathThatCannotNameAnArtifactIsRefusedByName() {
    for (String path : List.of("my list.txt", "../escape.ben", "lists/.hidden", "a//b.ben")) {
      var refused =
          assertThrows(
              IllegalArgumentException.class, () -> SourceArtifacts.content(path, "x"), path);
      assertTrue(refused.getMessage().startsWith("source file '" + path + "'"), path);
    }
  }

  @Test
  void aReaderRefusesSourceContentThatIsNotItsPathAndText() {
    var wrongPath = TestBundles.json("{\"path\":\"other.ben\",\"text\":\"x\"}");
    var builder = BundleBuilder.forProject("p", "1");
    var refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.add(SourceArtifacts.KIND, "a.ben", wrongPath));
    assertTrue(refused.getMessage().startsWith("source artifact a.ben must hold exactly"));
  }
}
