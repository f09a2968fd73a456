package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.BundleFormat.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a bundle claims to hold: project metadata, a build id derived from the content, and every
 * artifact's fingerprint in bundle order. Its canonical bytes are what gets signed, and their
 * fingerprint is the bundle's identity.
 */
public record Manifest(
    String project, String compilerVersion, String buildId, List<ArtifactRef> artifacts) {

  private static final int BUILD_ID_HEX_DIGITS = 16;
  private static final int MAX_LABEL_LENGTH = 128;

  public Manifest {
    requireLabel("project name", project);
    requireLabel("compiler version", compilerVersion);
    requireLabel("build id", buildId);
    artifacts = List.copyOf(artifacts);
  }

  /**
   * A manifest whose build id is computed from the project, the compiler version and the artifacts.
   */
  static Manifest create(String project, String compilerVersion, List<ArtifactRef> artifacts) {
    var unidentified = new Manifest(project, compilerVersion, "pending", artifacts);
    var content = unidentified.toJson();
    content.remove(F_BUILD_ID);
    // Derived from content rather than a clock so that building the same sources twice gives the
    // same bytes.
    byte[] digest = Fingerprint.sha256(CanonicalJson.bytes(content));
    String buildId = HexFormat.of().formatHex(digest).substring(0, BUILD_ID_HEX_DIGITS);
    return new Manifest(project, compilerVersion, buildId, artifacts);
  }

  /** The manifest line for {@code kind/name}, if it lists one. */
  public Optional<ArtifactRef> find(String kind, String name) {
    return artifacts.stream()
        .filter(a -> a.kind().equals(kind) && a.name().equals(name))
        .findFirst();
  }

  /** The manifest as a JSON object, in the shape written to bundle files. */
  public ObjectNode toJson() {
    var json = JsonNodeFactory.instance.objectNode();
    json.put(F_FORMAT, FORMAT);
    json.put(F_FORMAT_VERSION, VERSION);
    json.put(F_PROJECT, project);
    json.put(F_COMPILER_VERSION, compilerVersion);
    json.put(F_BUILD_ID, buildId);
    var list = json.putArray(F_ARTIFACTS);
    for (var ref : artifacts) {
      list.addObject()
          .put(F_KIND, ref.kind())
          .put(F_NAME, ref.name())
          .put(F_FINGERPRINT, ref.fingerprint().value());
    }
    return json;
  }

  /** The bytes the signature covers. */
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(toJson());
  }

  /** The bundle identity: the fingerprint of the canonical manifest bytes. */
  public Fingerprint identity() {
    return Fingerprint.of(canonicalBytes());
  }

  private static void requireLabel(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the " + what + " is missing; give a non-blank value");
    }
    if (value.length() > MAX_LABEL_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " '"
              + value
              + "' must be at most "
              + MAX_LABEL_LENGTH
              + " characters without control characters");
    }
  }
}
