package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.BundleFormat.*;
import static dev.ben.contracts.bundle.Refusal.Reason.MALFORMED;
import static dev.ben.contracts.bundle.Refusal.Reason.SIGNATURE_INVALID;
import static dev.ben.contracts.bundle.Refusal.Reason.UNSIGNED;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the manifest and signature sections of a bundle file, refusing anything not exactly as
 * written.
 */
final class ManifestReader {

  private static final String WHERE = "the manifest";
  private static final Set<String> MANIFEST_FIELDS =
      Set.of(F_FORMAT, F_FORMAT_VERSION, F_PROJECT, F_COMPILER_VERSION, F_BUILD_ID, F_ARTIFACTS);
  private static final Set<String> ENTRY_FIELDS = Set.of(F_KIND, F_NAME, F_FINGERPRINT);
  private static final Set<String> SIGNATURE_FIELDS = Set.of(F_ALGORITHM, F_KEY_ID, F_VALUE);

  private ManifestReader() {}

  static Manifest manifest(JsonNode json) throws BundleRefusedException {
    StrictJson.onlyFields(json, MANIFEST_FIELDS, WHERE);
    if (!FORMAT.equals(StrictJson.text(json, F_FORMAT, WHERE))
        || !BundleReader.isVersion(json.path(F_FORMAT_VERSION), VERSION)) {
      throw new BundleRefusedException(
          MALFORMED,
          "the manifest's format does not match the bundle's ("
              + FORMAT
              + " version "
              + VERSION
              + ")");
    }
    String project = StrictJson.text(json, F_PROJECT, WHERE);
    String compilerVersion = StrictJson.text(json, F_COMPILER_VERSION, WHERE);
    String buildId = StrictJson.text(json, F_BUILD_ID, WHERE);
    List<ArtifactRef> refs = entries(StrictJson.array(json, F_ARTIFACTS, WHERE));
    return StrictJson.validated(() -> new Manifest(project, compilerVersion, buildId, refs), WHERE);
  }

  private static List<ArtifactRef> entries(JsonNode array) throws BundleRefusedException {
    List<ArtifactRef> refs = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String where = "manifest entry #" + (i + 1);
      JsonNode entry = array.get(i);
      if (!entry.isObject()) {
        throw new BundleRefusedException(MALFORMED, where + " must be an object");
      }
      StrictJson.onlyFields(entry, ENTRY_FIELDS, where);
      String kind = StrictJson.text(entry, F_KIND, where);
      String name = StrictJson.text(entry, F_NAME, where);
      String fingerprint = StrictJson.text(entry, F_FINGERPRINT, where);
      var ref =
          StrictJson.validated(
              () -> new ArtifactRef(kind, name, new Fingerprint(fingerprint)), where);
      if (!refs.isEmpty() && ArtifactRef.ORDER.compare(refs.get(refs.size() - 1), ref) >= 0) {
        throw new BundleRefusedException(
            MALFORMED,
            where
                + " ("
                + ref.label()
                + ") is out of order or repeated; entries are unique and sorted by kind, then name");
      }
      refs.add(ref);
    }
    return refs;
  }

  static BundleSignature signature(JsonNode root) throws BundleRefusedException {
    JsonNode json = root.get(F_SIGNATURE);
    if (json == null || json.isNull()) {
      throw new BundleRefusedException(
          UNSIGNED,
          "the bundle carries no signature; build it with a signing"
              + " key (see 'benctl keygen') so it can be verified");
    }
    String where = "the signature";
    if (!json.isObject()) {
      throw new BundleRefusedException(MALFORMED, where + " must be an object");
    }
    StrictJson.onlyFields(json, SIGNATURE_FIELDS, where);
    String algorithm = StrictJson.text(json, F_ALGORITHM, where);
    if (!SIGNATURE_ALGORITHM.equals(algorithm)) {
      throw new BundleRefusedException(
          SIGNATURE_INVALID,
          "the signature algorithm is '"
              + algorithm
              + "'; Ben bundles are signed with "
              + SIGNATURE_ALGORITHM);
    }
    String keyId = StrictJson.text(json, F_KEY_ID, where);
    String value = StrictJson.text(json, F_VALUE, where);
    try {
      return new BundleSignature(algorithm, keyId, value);
    } catch (IllegalArgumentException e) {
      throw new BundleRefusedException(SIGNATURE_INVALID, e.getMessage());
    }
  }
}
