package dev.ben.benctl.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.bundle.BundleBuilder;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A signed bundle file, its signer's key files and a stranger's public key, written into a test
 * folder.
 */
record SampleBundle(Path bundle, Path trustedPub, Path strangerPub, String keyId) {

  static final ObjectMapper JSON = new ObjectMapper();

  static SampleBundle writeTo(Path dir) throws Exception {
    var signer = Ed25519.generate();
    var trusted = KeyFiles.write(dir, "release", signer, false);
    var stranger = KeyFiles.write(dir.resolve("others"), "stranger", Ed25519.generate(), false);
    var bundle =
        BundleBuilder.forProject("auth-demo", "0.1.0")
            .add(
                "schema",
                "login",
                JSON.readTree("{\"table\":\"logins\",\"key\":[\"tenant\",\"user\"]}"))
            .add("policy", "login_guard", JSON.readTree("{\"predicates\":[\"failed_burst\"]}"))
            .build(signer);
    Path file = Files.write(dir.resolve("auth.bundle"), bundle.toBytes());
    return new SampleBundle(file, trusted.publicFile(), stranger.publicFile(), signer.keyId());
  }

  /** Rewrites the bundle file after changing the schema artifact's content. */
  void tamperWithSchema() throws Exception {
    var tree = (ObjectNode) JSON.readTree(Files.readAllBytes(bundle));
    for (var artifact : tree.get("artifacts")) {
      if (artifact.get("kind").textValue().equals("schema")) {
        ((ObjectNode) artifact.get("content")).put("table", "elsewhere");
      }
    }
    Files.write(bundle, JSON.writeValueAsBytes(tree));
  }
}
