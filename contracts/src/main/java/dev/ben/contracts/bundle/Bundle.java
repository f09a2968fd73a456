package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.BundleFormat.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed bundle of compiled artifacts (and, from {@code benctl build}, the source files they were
 * compiled from: {@link SourceArtifacts}). Every instance is internally consistent: its artifacts
 * are exactly those the manifest lists, with matching fingerprints, and {@link #id()} is the
 * manifest's fingerprint. Whether the signature is valid and the signer trusted is {@link
 * BundleVerifier}'s question.
 */
public final class Bundle {

  private final Manifest manifest;
  private final List<Artifact> artifacts;
  private final BundleSignature signature;

  Bundle(Manifest manifest, List<Artifact> artifacts, BundleSignature signature) {
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.artifacts = List.copyOf(artifacts);
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  /** The bundle's identity: the fingerprint of its canonical manifest. */
  public Fingerprint id() {
    return manifest.identity();
  }

  public Manifest manifest() {
    return manifest;
  }

  /** The artifacts, sorted by kind then name. */
  public List<Artifact> artifacts() {
    return artifacts;
  }

  public BundleSignature signature() {
    return signature;
  }

  /** The artifact {@code kind/name}, if the bundle holds it. */
  public Optional<Artifact> artifact(String kind, String name) {
    return artifacts.stream()
        .filter(a -> a.kind().equals(kind) && a.name().equals(name))
        .findFirst();
  }

  /** The artifacts of one kind, sorted by name. */
  public List<Artifact> artifacts(String kind) {
    return artifacts.stream().filter(a -> a.kind().equals(kind)).toList();
  }

  /** The bundle file as a JSON tree. */
  public ObjectNode toJson() {
    var json = JsonNodeFactory.instance.objectNode();
    json.put(F_FORMAT, FORMAT);
    json.put(F_FORMAT_VERSION, VERSION);
    json.put(F_ID, id().value());
    json.set(F_MANIFEST, manifest.toJson());
    var list = json.putArray(F_ARTIFACTS);
    for (var artifact : artifacts) {
      var entry = list.addObject();
      entry.put(F_KIND, artifact.kind());
      entry.put(F_NAME, artifact.name());
      entry.set(F_CONTENT, artifact.content());
    }
    json.putObject(F_SIGNATURE)
        .put(F_ALGORITHM, signature.algorithm())
        .put(F_KEY_ID, signature.keyId())
        .put(F_VALUE, signature.valueBase64());
    return json;
  }

  /**
   * The canonical bundle file bytes: the same artifacts, metadata and key always give the same
   * bytes.
   */
  public byte[] toBytes() {
    return CanonicalJson.bytes(toJson());
  }

  @Override
  public String toString() {
    return "Bundle["
        + manifest.project()
        + " "
        + id().shortForm()
        + ", "
        + artifacts.size()
        + " artifacts]";
  }
}
