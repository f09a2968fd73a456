package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.BundleFormat.*;
import static dev.ben.contracts.bundle.Refusal.Reason.*;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses bundle files. A bundle comes back only if it is internally consistent (artifacts match the
 * manifest, the identity matches the manifest); anything else is refused with a {@link
 * BundleRefusedException} that names the reason and the artifact or field involved. Signature and
 * trust are checked by {@link BundleVerifier}.
 */
public final class BundleReader {

  /** Larger files are refused before parsing so a stray file cannot exhaust memory. */
  public static final long MAX_BUNDLE_BYTES = 256L * 1024 * 1024;

  private static final Set<String> TOP_FIELDS =
      Set.of(F_FORMAT, F_FORMAT_VERSION, F_ID, F_MANIFEST, F_ARTIFACTS, F_SIGNATURE);
  private static final Set<String> ARTIFACT_FIELDS = Set.of(F_KIND, F_NAME, F_CONTENT);
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Exact decimals: a double would round and change the fingerprint of what the producer
          // wrote.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private BundleReader() {}

  /**
   * Reads a bundle file; I/O problems (missing, unreadable) are {@link IOException}s, content
   * problems refusals.
   */
  public static Bundle read(Path file) throws IOException, BundleRefusedException {
    long size = Files.size(file);
    if (size > MAX_BUNDLE_BYTES) {
      throw new BundleRefusedException(
          NOT_A_BUNDLE,
          "the file is "
              + size
              + " bytes, more than the "
              + MAX_BUNDLE_BYTES
              + " a bundle may have");
    }
    return read(Files.readAllBytes(file));
  }

  /** Reads a bundle from its bytes. */
  public static Bundle read(byte[] bytes) throws BundleRefusedException {
    JsonNode root = parse(bytes);
    if (root == null || !root.isObject() || !FORMAT.equals(root.path(F_FORMAT).textValue())) {
      throw new BundleRefusedException(
          NOT_A_BUNDLE,
          "expected a JSON object with \""
              + F_FORMAT
              + "\":\""
              + FORMAT
              + "\"; is this the file 'benctl build' wrote?");
    }
    JsonNode version = root.path(F_FORMAT_VERSION);
    if (!isVersion(version, VERSION)) {
      throw new BundleRefusedException(
          UNSUPPORTED_FORMAT_VERSION,
          "the bundle has format version "
              + version
              + " but this Ben reads version "
              + VERSION
              + "; rebuild it with this Ben's benctl or use the Ben release that wrote it");
    }
    StrictJson.onlyFields(root, TOP_FIELDS, "the bundle");
    Manifest manifest = ManifestReader.manifest(StrictJson.object(root, F_MANIFEST, "the bundle"));
    String claimedId = StrictJson.text(root, F_ID, "the bundle");
    if (!manifest.identity().value().equals(claimedId)) {
      throw new BundleRefusedException(
          MANIFEST_TAMPERED,
          "the manifest hashes to "
              + manifest.identity()
              + " but the bundle's identity is "
              + claimedId
              + "; the manifest was changed after signing");
    }
    List<Artifact> artifacts =
        artifacts(StrictJson.array(root, F_ARTIFACTS, "the bundle"), manifest);
    return new Bundle(manifest, artifacts, ManifestReader.signature(root));
  }

  static boolean isVersion(JsonNode node, int expected) {
    return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() == expected;
  }

  private static JsonNode parse(byte[] bytes) throws BundleRefusedException {
    try {
      return MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BundleRefusedException(
          NOT_A_BUNDLE, "the file is not valid JSON" + where + " (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new BundleRefusedException(
          NOT_A_BUNDLE, "the file cannot be parsed: " + e.getMessage());
    }
  }

  private static List<Artifact> artifacts(JsonNode array, Manifest manifest)
      throws BundleRefusedException {
    List<Artifact> artifacts = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String where = "artifact #" + (i + 1);
      JsonNode entry = array.get(i);
      if (!entry.isObject()) {
        throw new BundleRefusedException(MALFORMED, where + " must be an object");
      }
      StrictJson.onlyFields(entry, ARTIFACT_FIELDS, where);
      String kind = StrictJson.text(entry, F_KIND, where);
      String name = StrictJson.text(entry, F_NAME, where);
      JsonNode content = StrictJson.present(entry, F_CONTENT, where);
      Artifact artifact = StrictJson.validated(() -> Artifact.of(kind, name, content), where);
      ArtifactRef listed =
          manifest
              .find(kind, name)
              .orElseThrow(
                  () ->
                      new BundleRefusedException(
                          MANIFEST_TAMPERED,
                          "the bundle holds "
                              + kind
                              + "/"
                              + name
                              + " but the manifest does not list it"));
      if (!listed.fingerprint().equals(artifact.fingerprint())) {
        throw new BundleRefusedException(
            ARTIFACT_FINGERPRINT_MISMATCH,
            "artifact "
                + listed.label()
                + " was changed: its content hashes to "
                + artifact.fingerprint()
                + " but the manifest records "
                + listed.fingerprint());
      }
      if (!artifacts.isEmpty()
          && ArtifactRef.ORDER.compare(artifacts.get(artifacts.size() - 1).ref(), listed) >= 0) {
        throw new BundleRefusedException(
            MALFORMED,
            where
                + " ("
                + listed.label()
                + ") is out of order or repeated; artifacts are unique and sorted by kind, then name");
      }
      artifacts.add(artifact);
    }
    if (artifacts.size() != manifest.artifacts().size()) {
      ArtifactRef missing =
          manifest.artifacts().stream()
              .filter(ref -> artifacts.stream().noneMatch(a -> a.ref().equals(ref)))
              .findFirst()
              .orElseThrow();
      throw new BundleRefusedException(
          MANIFEST_TAMPERED,
          "the manifest lists " + missing.label() + " but the bundle does not hold it");
    }
    return artifacts;
  }
}
