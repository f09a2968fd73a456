package dev.ben.contracts.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one JSON mapping of the model: compact, fixed property order (declared on every record),
 * unknown properties refused (a reader older than the writer must not silently ignore semantics)
 * and {@code sha256:} fingerprints.
 */
public final class ModelJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private ModelJson() {}

  /** A shared, thread-safe mapper; callers must not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] toBytes(Object artifact) {
    try {
      return MAPPER.writeValueAsBytes(artifact);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot serialise " + artifact.getClass().getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  public static String toJson(Object artifact) {
    return new String(toBytes(artifact), StandardCharsets.UTF_8);
  }

  /**
   * Reads an artifact; malformed JSON becomes an {@link IllegalArgumentException} naming the type
   * and the cause.
   */
  public static <T> T fromJson(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  public static <T> T fromJson(String json, Class<T> type) {
    return fromJson(json.getBytes(StandardCharsets.UTF_8), type);
  }

  /** {@code sha256:<hex>} of the given bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** The fingerprint an artifact should carry: over its JSON with the fingerprint blanked. */
  public static <T extends Fingerprinted<T>> String fingerprintOf(T artifact) {
    return sha256(toBytes(artifact.withFingerprint("")));
  }

  /** Returns the artifact carrying its computed fingerprint. */
  public static <T extends Fingerprinted<T>> T seal(T artifact) {
    return artifact.withFingerprint(fingerprintOf(artifact));
  }

  /** True when the artifact's stored fingerprint matches its content. */
  public static <T extends Fingerprinted<T>> boolean verify(T artifact) {
    return artifact.fingerprint().equals(fingerprintOf(artifact));
  }
}
