package dev.ben.streams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.sidecar.Names;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An app as the identity store keeps it: its name, the SHA-256 of its key (never the key), who
 * created it and when, when it was revoked if it was, and the origins its web beacons may come
 * from. Stored as a small JSON object so later fields can be added without breaking older nodes.
 */
public record StoredApp(
    String name,
    String keyHash,
    Instant created,
    String createdBy,
    Optional<Instant> revoked,
    List<String> beaconOrigins) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What an app may be called, worded for refusals. */
  public static final String NAME_RULE = Names.RULE + ", no dot at either end or two in a row";

  public StoredApp {
    if (!validName(name)) {
      throw new IllegalArgumentException("`" + name + "` is not an app name (" + NAME_RULE + ")");
    }
    revoked = revoked == null ? Optional.empty() : revoked;
    beaconOrigins = List.copyOf(beaconOrigins);
  }

  /**
   * An ingest name that is also safe as a key of the identity store: NATS KV splits keys at dots
   * and refuses empty parts.
   */
  public static boolean validName(String name) {
    return Names.valid(name)
        && !name.startsWith(".")
        && !name.endsWith(".")
        && !name.contains("..");
  }

  public boolean isRevoked() {
    return revoked.isPresent();
  }

  /** The same app, revoked at {@code at} (an app already revoked keeps its first revocation). */
  public StoredApp revokedAt(Instant at) {
    return isRevoked()
        ? this
        : new StoredApp(name, keyHash, created, createdBy, Optional.of(at), beaconOrigins);
  }

  byte[] encode() {
    ObjectNode node =
        JSON.createObjectNode()
            .put("key_sha256", keyHash)
            .put("created", created.toString())
            .put("created_by", createdBy);
    revoked.ifPresent(at -> node.put("revoked", at.toString()));
    beaconOrigins.forEach(node.withArray("beacon_origins")::add);
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode app " + name, e);
    }
  }

  /** The stored app, or empty when the bytes are not one (written by a newer version). */
  static Optional<StoredApp> decode(String name, byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.path("key_sha256").isTextual() || !validName(name)) {
        return Optional.empty();
      }
      List<String> origins = new ArrayList<>();
      node.path("beacon_origins").forEach(origin -> origins.add(origin.asText()));
      return Optional.of(
          new StoredApp(
              name,
              node.path("key_sha256").asText(),
              Instant.parse(node.path("created").asText()),
              node.path("created_by").asText(),
              node.hasNonNull("revoked")
                  ? Optional.of(Instant.parse(node.path("revoked").asText()))
                  : Optional.empty(),
              origins));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "StoredApp[" + name + (isRevoked() ? ", revoked" : "") + "]";
  }
}
