package dev.ben.contracts.bundle;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

  @TempDir Path dir;

  @Test
  void writtenKeysReadBackAndSignVerifiableBundles() throws Exception {
    var key = Ed25519.generate();
    var written = KeyFiles.write(dir, "release", key, false);
    assertEquals(dir.resolve("release.key"), written.privateFile());
    assertEquals(dir.resolve("release.pub"), written.publicFile());
    assertEquals(key.keyId(), written.keyId());
    assertTrue(key.keyId().matches("ed25519:[0-9a-f]{16}"), key.keyId());

    var signer = KeyFiles.readSigningKey(written.privateFile());
    var publicKey = KeyFiles.readPublicKey(written.publicFile());
    assertEquals(key.keyId(), signer.keyId());
    assertEquals(key.keyId(), Ed25519.keyId(publicKey));

    var bundle = TestBundles.builderWith(TestBundles.entries()).build(signer);
    assertTrue(
        BundleVerifier.verify(bundle.toBytes(), TrustedKeys.load(List.of(written.publicFile())))
            .ok());
  }

  @Test
  void filesAreArmouredTextNamingBenAndThePrivateOneIsOwnerOnly() throws Exception {
    var written = KeyFiles.write(dir, "k", Ed25519.generate(), false);
    String privateText = Files.readString(written.privateFile());
    String publicText = Files.readString(written.publicFile());
    assertTrue(privateText.startsWith("Ben signing key ed25519:"), privateText);
    assertTrue(privateText.contains("-----BEGIN BEN ED25519 PRIVATE KEY-----"), privateText);
    assertTrue(publicText.contains("-----BEGIN BEN ED25519 PUBLIC KEY-----"), publicText);
    assertFalse(publicText.contains("PRIVATE"), publicText);
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(written.privateFile())));
    }
  }

  @Test
  void refusesToOverwriteUnlessForced() throws Exception {
    var first = KeyFiles.write(dir, "k", Ed25519.generate(), false);
    var error =
        assertThrows(
            KeyFileException.class, () -> KeyFiles.write(dir, "k", Ed25519.generate(), false));
    assertTrue(
        error.getMessage().contains("already exists; choose another name or pass --force"),
        error.getMessage());
    var replacement = Ed25519.generate();
    KeyFiles.write(dir, "k", replacement, true);
    assertEquals(replacement.keyId(), KeyFiles.readSigningKey(first.privateFile()).keyId());
  }

  @Test
  void explainsMissingWrongKindAndCorruptFiles() throws Exception {
    var written = KeyFiles.write(dir, "k", Ed25519.generate(), false);
    assertMessage(
        () -> KeyFiles.readPublicKey(dir.resolve("nope.pub")), "no such file; make a key pair");
    assertMessage(
        () -> KeyFiles.readPublicKey(written.privateFile()),
        "holds a PRIVATE key; pass the matching .pub");
    assertMessage(() -> KeyFiles.readSigningKey(written.publicFile()), "holds only a PUBLIC key");

    Path notAKey = Files.writeString(dir.resolve("notes.pub"), "just some text\n");
    assertMessage(
        () -> KeyFiles.readPublicKey(notAKey),
        "is not a Ben public key (.pub): no 'BEN ED25519 PUBLIC KEY' block");

    String text = Files.readString(written.publicFile());
    Path badBase64 =
        Files.writeString(dir.resolve("bad.pub"), text.replaceFirst("\n[A-Za-z0-9+/]", "\n!"));
    assertMessage(() -> KeyFiles.readPublicKey(badBase64), "is not valid base64");
    Path cut =
        Files.writeString(dir.resolve("cut.pub"), text.substring(0, text.indexOf("-----END")));
    assertMessage(() -> KeyFiles.readPublicKey(cut), "has no END line");
    Path wrongBytes =
        Files.writeString(
            dir.resolve("wrong.pub"), PemText.block(KeyFiles.PUBLIC_LABEL, new byte[] {1, 2, 3}));
    assertMessage(() -> KeyFiles.readPublicKey(wrongBytes), "the public key is corrupt");
  }

  @Test
  void refusesAPrivateFileWhosePublicHalfBelongsToAnotherKey() throws Exception {
    var ours = KeyFiles.write(dir, "ours", Ed25519.generate(), false);
    var theirs = KeyFiles.write(dir, "theirs", Ed25519.generate(), false);
    String privateText = Files.readString(ours.privateFile());
    String mixed =
        privateText.substring(0, privateText.indexOf("-----BEGIN BEN ED25519 PUBLIC KEY"))
            + Files.readString(theirs.publicFile());
    Path file = Files.writeString(dir.resolve("mixed.key"), mixed);
    assertMessage(() -> KeyFiles.readSigningKey(file), "do not belong together");
  }

  @Test
  void refusesUnusableKeyNames() {
    assertMessage(
        () -> KeyFiles.write(dir, "../escape", Ed25519.generate(), false),
        "is not a usable key name");
    assertFalse(KeyFiles.isValidName(".hidden"));
    assertTrue(KeyFiles.isValidName("team-release_2.v1"));
  }

  @Test
  void aPublicKeyFileSentAsTextReadsAsTheFileDoesAndIsTrustedAlongsideOthers() throws Exception {
    var key = Ed25519.generate();
    var written = KeyFiles.write(dir, "sent", key, false);
    var parsed = KeyFiles.parsePublicKey(Files.readString(written.publicFile()), "request");
    assertEquals(key.keyId(), Ed25519.keyId(parsed));
    assertMessage(
        () -> KeyFiles.parsePublicKey(Files.readString(written.privateFile()), "request"),
        "holds a PRIVATE key");
    assertMessage(() -> KeyFiles.parsePublicKey("hello", "request"), "request");

    var other = Ed25519.generate();
    var both = TrustedKeys.of(other.publicKey()).plus(List.of(parsed));
    assertEquals(new java.util.TreeSet<>(List.of(key.keyId(), other.keyId())), both.keyIds());
  }

  private interface KeyAction {
    void run() throws Exception;
  }

  private static void assertMessage(KeyAction action, String part) {
    var error = assertThrows(KeyFileException.class, action::run);
    assertTrue(
        error.getMessage().contains(part), "expected '" + part + "' in: " + error.getMessage());
  }
}
