package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.Refusal.Reason.*;
import static dev.ben.contracts.bundle.TestBundles.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BundleVerifierTest {

  private static final TrustedKeys TRUSTED = TrustedKeys.of(SIGNER.publicKey());

  @Test
  void anIntactBundleFromATrustedSignerVerifies() throws Exception {
    byte[] bytes = bundle().toBytes();
    var result = BundleVerifier.verify(bytes, TRUSTED);
    var verified = assertInstanceOf(Verification.Verified.class, result);
    assertEquals(SIGNER.keyId(), verified.keyId());
    assertEquals(bundle().id(), verified.bundle().id());
    assertArrayEquals(bytes, BundleReader.read(bytes).toBytes(), "reading and writing is lossless");
  }

  @Test
  void prettyPrintedBundlesStillVerifyBecauseFingerprintsAreOverCanonicalForms() throws Exception {
    byte[] pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(editableFile());
    assertTrue(BundleVerifier.verify(pretty, TRUSTED).ok());
  }

  @Test
  void refusesWhatIsNotABundle() {
    assertRefused(
        "hello".getBytes(StandardCharsets.UTF_8), NOT_A_BUNDLE, "not valid JSON at line 1");
    assertRefused("[1,2]".getBytes(StandardCharsets.UTF_8), NOT_A_BUNDLE, "expected a JSON object");
    assertRefused(
        "{\"format\":\"zip\"}".getBytes(StandardCharsets.UTF_8),
        NOT_A_BUNDLE,
        "\"format\":\"ben-bundle\"");
    assertRefused(new byte[0], NOT_A_BUNDLE, "expected a JSON object");
  }

  @Test
  void refusesAnUnsupportedFormatVersion() {
    assertTampered(f -> f.put("format_version", 2), UNSUPPORTED_FORMAT_VERSION, "format version 2");
    assertTampered(
        f -> f.put("format_version", "1"), UNSUPPORTED_FORMAT_VERSION, "this Ben reads version 1");
  }

  @Test
  void refusesAChangedArtifactAndNamesIt() {
    assertTampered(
        f -> artifact(f, 2).withObjectProperty("content").put("table", "stolen"),
        ARTIFACT_FINGERPRINT_MISMATCH,
        "artifact schema/login was changed");
  }

  @Test
  void refusesAChangedManifest() {
    assertTampered(
        f -> ((ObjectNode) f.get("manifest")).put("project", "other"),
        MANIFEST_TAMPERED,
        "the manifest was changed after signing");
    assertTampered(
        f -> ((ArrayNode) f.get("artifacts")).remove(1),
        MANIFEST_TAMPERED,
        "the manifest lists policy/login_guard but the bundle does not hold it");
    assertTampered(
        f ->
            ((ArrayNode) f.get("artifacts"))
                .addObject()
                .put("kind", "signal")
                .put("name", "zz")
                .putObject("content"),
        MANIFEST_TAMPERED,
        "the bundle holds signal/zz but the manifest does not list it");
  }

  @Test
  void refusesAManifestRewrittenToMatchChangedContentBecauseTheSignatureNoLongerFits()
      throws Exception {
    var forged = BundleBuilder.forProject("auth-demo", "0.1.0");
    for (var entry : entries()) {
      forged.add(
          entry.kind(),
          entry.name(),
          entry.name().equals("login") ? json("{\"evil\":1}") : entry.content());
    }
    var forgedFile =
        (ObjectNode) json(new String(forged.build(STRANGER).toBytes(), StandardCharsets.UTF_8));
    forgedFile.set("signature", editableFile().get("signature"));
    assertRefused(
        JSON.writeValueAsBytes(forgedFile), SIGNATURE_INVALID, "does not match the manifest");
  }

  @Test
  void refusesBadSignatures() {
    assertTampered(
        f -> sig(f).put("value", flipFirstChar(sig(f).get("value").textValue())),
        SIGNATURE_INVALID,
        "does not match the manifest");
    assertTampered(f -> sig(f).put("value", "***"), SIGNATURE_INVALID, "not valid base64");
    assertTampered(f -> sig(f).put("algorithm", "RSA"), SIGNATURE_INVALID, "signed with Ed25519");
    assertTampered(
        f -> sig(f).put("value", alterPaddingBits(sig(f).get("value").textValue())),
        SIGNATURE_INVALID,
        "not canonical base64");
    assertTampered(f -> f.remove("signature"), UNSIGNED, "carries no signature");
  }

  @Test
  void refusesSignersThatAreNotTrusted() {
    byte[] bytes = bundle().toBytes();
    assertRefused(
        bytes,
        TrustedKeys.of(STRANGER.publicKey()),
        KEY_NOT_TRUSTED,
        "signed by " + SIGNER.keyId() + " but trusted keys are [" + STRANGER.keyId() + "]");
    assertRefused(bytes, TrustedKeys.none(), KEY_NOT_TRUSTED, "no keys are trusted");
    var trustedBoth = TrustedKeys.of(SIGNER.publicKey(), STRANGER.publicKey());
    assertTampered(
        f -> sig(f).put("key_id", STRANGER.keyId()),
        trustedBoth,
        SIGNATURE_INVALID,
        "claimed by " + STRANGER.keyId());
  }

  @Test
  void refusesStructuralDamageWithThePlace() {
    assertTampered(f -> f.put("smuggled", 1), MALFORMED, "unexpected field 'smuggled'");
    assertTampered(
        f -> artifact(f, 0).put("kind", 7), MALFORMED, "artifact #1 field 'kind' must be a string");
    assertTampered(
        f -> artifact(f, 0).remove("content"), MALFORMED, "artifact #1 has no 'content' field");
    assertTampered(f -> f.remove("manifest"), MALFORMED, "the bundle has no 'manifest' field");
  }

  static ObjectNode artifact(ObjectNode file, int index) {
    return (ObjectNode) file.get("artifacts").get(index);
  }

  static ObjectNode sig(ObjectNode file) {
    return (ObjectNode) file.get("signature");
  }

  /** Changes the unused low bits before the padding: the same signature bytes, a different text. */
  private static String alterPaddingBits(String base64) {
    int last = base64.indexOf('=') - 1;
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char changed = alphabet.charAt(alphabet.indexOf(base64.charAt(last)) ^ 1);
    return base64.substring(0, last) + changed + base64.substring(last + 1);
  }

  private static String flipFirstChar(String base64) {
    return (base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1);
  }

  private static void assertTampered(
      Consumer<ObjectNode> edit, Refusal.Reason reason, String detailPart) {
    assertTampered(edit, TRUSTED, reason, detailPart);
  }

  private static void assertTampered(
      Consumer<ObjectNode> edit, TrustedKeys trusted, Refusal.Reason reason, String detailPart) {
    ObjectNode file = editableFile();
    edit.accept(file);
    assertRefused(CanonicalJson.bytes(file), trusted, reason, detailPart);
  }

  private static void assertRefused(byte[] bytes, Refusal.Reason reason, String detailPart) {
    assertRefused(bytes, TRUSTED, reason, detailPart);
  }

  private static void assertRefused(
      byte[] bytes, TrustedKeys trusted, Refusal.Reason reason, String detailPart) {
    var refused =
        assertInstanceOf(Verification.Refused.class, BundleVerifier.verify(bytes, trusted));
    assertEquals(reason, refused.refusal().reason(), refused.refusal().toString());
    assertTrue(
        refused.refusal().detail().contains(detailPart),
        "expected '" + detailPart + "' in: " + refused.refusal().detail());
  }
}
