package dev.ben.contracts.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects artifacts and seals them into a signed {@link Bundle}. Insertion order never matters:
 * artifacts are sorted by kind then name, and the build id is derived from the content, so the same
 * inputs and key always give byte-identical bundles.
 */
public final class BundleBuilder {

  private final String project;
  private final String compilerVersion;
  private final TreeMap<String, Artifact> artifactsByLabel = new TreeMap<>();

  private BundleBuilder(String project, String compilerVersion) {
    this.project = project;
    this.compilerVersion = compilerVersion;
  }

  /** A builder for {@code project}'s bundle, produced by compiler {@code compilerVersion}. */
  public static BundleBuilder forProject(String project, String compilerVersion) {
    // Validate early so the mistake is reported where it was made, not at build().
    new Manifest(project, compilerVersion, "unchecked", List.of());
    return new BundleBuilder(project, compilerVersion);
  }

  /**
   * Adds one artifact. The content is copied, so later changes to {@code content} do not reach the
   * bundle.
   *
   * @throws IllegalArgumentException if kind or name is invalid, {@code kind/name} was already
   *     added, or the content holds something JSON cannot (NaN, binary)
   */
  public BundleBuilder add(String kind, String name, JsonNode content) {
    Objects.requireNonNull(content, () -> "content of " + kind + "/" + name + " is null");
    var artifact = Artifact.of(kind, name, content);
    String label = artifact.ref().label();
    if (artifactsByLabel.containsKey(label)) {
      throw new IllegalArgumentException(
          "artifact " + label + " was added twice; each kind/name must be unique");
    }
    artifactsByLabel.put(label, artifact);
    return this;
  }

  /** Seals the artifacts into a bundle signed by {@code signer}. */
  public Bundle build(SigningKey signer) {
    Objects.requireNonNull(signer, "signer");
    List<Artifact> sorted = new ArrayList<>(artifactsByLabel.values());
    sorted.sort((a, b) -> ArtifactRef.ORDER.compare(a.ref(), b.ref()));
    var manifest =
        Manifest.create(project, compilerVersion, sorted.stream().map(Artifact::ref).toList());
    return new Bundle(manifest, sorted, BundleSignature.sign(signer, manifest));
  }
}
