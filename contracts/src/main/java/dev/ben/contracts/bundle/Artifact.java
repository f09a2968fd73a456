package dev.ben.contracts.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One compiled artifact in a bundle: its manifest reference and its JSON content. The content is
 * copied in and out because JSON trees are mutable and a bundle, once fingerprinted, must not
 * change.
 */
public final class Artifact {

  private final ArtifactRef ref;
  private final JsonNode content;

  Artifact(ArtifactRef ref, JsonNode content) {
    this.ref = Objects.requireNonNull(ref, "ref");
    this.content = Objects.requireNonNull(content, "content").deepCopy();
  }

  /** Fingerprints {@code content} and wraps it as an artifact of the given kind and name. */
  static Artifact of(String kind, String name, JsonNode content) {
    Objects.requireNonNull(content, () -> "content of " + kind + "/" + name);
    var ref = new ArtifactRef(kind, name, Fingerprint.of(CanonicalJson.bytes(content)));
    if (SourceArtifacts.KIND.equals(kind)) {
      SourceArtifacts.requireValidContent(name, content);
    }
    return new Artifact(ref, content);
  }

  public ArtifactRef ref() {
    return ref;
  }

  public String kind() {
    return ref.kind();
  }

  public String name() {
    return ref.name();
  }

  public Fingerprint fingerprint() {
    return ref.fingerprint();
  }

  /** A private copy of the content; changing it does not change the bundle. */
  public JsonNode content() {
    return content.deepCopy();
  }

  /** The canonical bytes the fingerprint was computed over. */
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(content);
  }

  @Override
  public String toString() {
    return ref.label() + " " + ref.fingerprint().shortForm();
  }
}
