package dev.ben.actors.node;

import dev.ben.streams.auth.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One redaction hash key per cluster. Keyed hashes let stored values be joined without being
 * revealed, which holds only if every node hashes with the same key: a node with another key would
 * hash one email two ways. The first node records its key's fingerprint in the identity store; a
 * node whose key has another fingerprint refuses to start, saying which file to copy.
 */
final class HashKeyAgreement {

  static final String NAME = "hash-key-fingerprint";

  private HashKeyAgreement() {}

  /** Records or checks this node's key; refuses it when it is not the cluster's. */
  static void check(IdentityStore identities, byte[] key, Path file) {
    String mine = fingerprint(key);
    String clusters =
        new String(
            identities.agreed(NAME, () -> mine.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
    if (!clusters.equals(mine)) {
      throw new IllegalStateException(
          "this node's redaction hash key "
              + file
              + " (fingerprint "
              + mine
              + ") is not the cluster's (fingerprint "
              + clusters
              + "): every node must hash with one key, so copy the key file of a node already in"
              + " the cluster to "
              + file
              + " (ben.spine.hash-key-file) and start again");
    }
  }

  /**
   * The first 16 hex digits of the key's SHA-256: enough to tell keys apart, useless to guess it.
   */
  static String fingerprint(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
