package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.TestBundles.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BundleBuilderTest {

  @Test
  void sameInputsInAnyOrderGiveIdenticalBytes() {
    byte[] reference = bundle().toBytes();
    var random = new Random(42);
    for (int round = 0; round < 10; round++) {
      var shuffled = new ArrayList<>(entries());
      Collections.shuffle(shuffled, random);
      assertArrayEquals(reference, builderWith(shuffled).build(SIGNER).toBytes(), "round " + round);
    }
  }

  @Test
  void keyOrderInsideContentDoesNotMatter() {
    var a =
        BundleBuilder.forProject("p", "1")
            .add("schema", "s", json("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}"));
    var b =
        BundleBuilder.forProject("p", "1")
            .add("schema", "s", json("{\"b\":{\"d\":3,\"c\":2},\"a\":1.0}"));
    assertArrayEquals(a.build(SIGNER).toBytes(), b.build(SIGNER).toBytes());
  }

  @Test
  void artifactsAreSortedByKindThenNameAndFingerprinted() {
    var bundle = bundle();
    var labels = bundle.artifacts().stream().map(a -> a.ref().label()).toList();
    assertEquals(
        java.util.List.of(
            "playbook/lockout", "policy/login_guard", "schema/login", "signal/lock_account"),
        labels);
    for (var artifact : bundle.artifacts()) {
      assertEquals(Fingerprint.of(artifact.canonicalBytes()), artifact.fingerprint());
      assertTrue(artifact.fingerprint().value().matches("sha256:[0-9a-f]{64}"));
    }
    assertEquals(
        bundle.manifest().artifacts(), bundle.artifacts().stream().map(Artifact::ref).toList());
    assertEquals(SIGNER.keyId(), bundle.signature().keyId());
  }

  @Test
  void buildIdAndIdentityFollowTheContentNotTheClock() {
    var first = bundle();
    var same = bundle();
    assertEquals(first.manifest().buildId(), same.manifest().buildId());
    assertEquals(first.id(), same.id());
    var changed = builderWith(entries()).add("schema", "extra", json("{}")).build(SIGNER);
    assertNotEquals(first.manifest().buildId(), changed.manifest().buildId());
    assertNotEquals(first.id(), changed.id());
    assertEquals(Fingerprint.of(first.manifest().canonicalBytes()), first.id());
  }

  @Test
  void laterChangesToTheInputDoNotReachTheBundle() {
    var content = (ObjectNode) json("{\"x\":1}");
    var builder = BundleBuilder.forProject("p", "1").add("schema", "s", content);
    content.put("x", 2);
    var bundle = builder.build(SIGNER);
    assertEquals(1, bundle.artifact("schema", "s").orElseThrow().content().get("x").intValue());
    ((ObjectNode) bundle.artifact("schema", "s").orElseThrow().content()).put("x", 3);
    assertEquals(1, bundle.artifact("schema", "s").orElseThrow().content().get("x").intValue());
  }

  @Test
  void refusesDuplicatesAndBadNamesWithClearMessages() {
    var builder = BundleBuilder.forProject("p", "1").add("schema", "s", json("{}"));
    var duplicate =
        assertThrows(IllegalArgumentException.class, () -> builder.add("schema", "s", json("[]")));
    assertTrue(duplicate.getMessage().contains("schema/s was added twice"), duplicate.getMessage());
    var badKind =
        assertThrows(IllegalArgumentException.class, () -> builder.add("Schema!", "s", json("{}")));
    assertTrue(
        badKind.getMessage().contains("invalid artifact kind 'Schema!'"), badKind.getMessage());
    var badName =
        assertThrows(
            IllegalArgumentException.class, () -> builder.add("schema", "a b", json("{}")));
    assertTrue(badName.getMessage().contains("invalid artifact name 'a b'"), badName.getMessage());
    var noProject =
        assertThrows(IllegalArgumentException.class, () -> BundleBuilder.forProject(" ", "1"));
    assertTrue(noProject.getMessage().contains("project name is missing"), noProject.getMessage());
  }

  @Test
  void anEmptyBundleIsStillASignedVerifiableBundle() throws Exception {
    var bundle = BundleBuilder.forProject("empty", "1").build(SIGNER);
    var read = BundleReader.read(bundle.toBytes());
    assertEquals(0, read.artifacts().size());
    assertTrue(BundleVerifier.verify(read, TrustedKeys.of(SIGNER.publicKey())).ok());
  }
}
