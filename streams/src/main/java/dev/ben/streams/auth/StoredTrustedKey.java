package dev.ben.streams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A signing key an admin told the ledger to trust, besides those of {@code
 * ben.ledger.trusted-keys}: its key id, the public key file's text as {@code benctl keygen} wrote
 * it, a label, who added it and when. Stored as a small JSON object so later fields can be added
 * without breaking older nodes.
 */
public record StoredTrustedKey(
    String keyId, String publicKeyText, String label, String addedBy, Instant added) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Key ids as {@code Ed25519.keyId} makes them; safe as RocksDB and (with - for :) KV keys. */
  private static final Pattern KEY_ID = Pattern.compile("ed25519:[0-9a-f]{16}");

  public StoredTrustedKey {
    if (!validKeyId(keyId)) {
      throw new IllegalArgumentException("`" + keyId + "` is not a key id (ed25519:<16 hex>)");
    }
  }

  public static boolean validKeyId(String keyId) {
    return keyId != null && KEY_ID.matcher(keyId).matches();
  }

  /** The key id without the colon NATS KV keys may not hold. */
  static String storageName(String keyId) {
    return keyId.replace(':', '-');
  }

  /** The key id a {@link #storageName} stands for. */
  static String keyIdOf(String storageName) {
    return storageName.replaceFirst("-", ":");
  }

  byte[] encode() {
    try {
      return JSON.writeValueAsBytes(
          JSON.createObjectNode()
              .put("public_key", publicKeyText)
              .put("label", label)
              .put("added", added.toString())
              .put("added_by", addedBy));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode trusted key " + keyId, e);
    }
  }

  /** The stored key, or empty when the bytes are not one (written by a newer version). */
  static Optional<StoredTrustedKey> decode(String keyId, byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.path("public_key").isTextual() || !validKeyId(keyId)) {
        return Optional.empty();
      }
      return Optional.of(
          new StoredTrustedKey(
              keyId,
              node.path("public_key").asText(),
              node.path("label").asText(),
              node.path("added_by").asText(),
              Instant.parse(node.path("added").asText())));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "StoredTrustedKey[" + keyId + ", " + label + "]";
  }
}
