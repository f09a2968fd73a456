package dev.ben.contracts.bundle;

/**
 * The field names and version of the bundle file. A bundle is one canonical JSON object:
 *
 * <pre>
 * {"artifacts":[{"content":{..},"kind":"..","name":".."},..],
 *  "format":"ben-bundle","format_version":1,"id":"sha256:..",
 *  "manifest":{"artifacts":[{"fingerprint":"sha256:..","kind":"..","name":".."},..],"build_id":"..",
 *              "compiler_version":"..","format":"ben-bundle","format_version":1,"project":".."},
 *  "signature":{"algorithm":"Ed25519","key_id":"ed25519:..","value":"<base64>"}}
 * </pre>
 *
 * {@code id} is the fingerprint of the canonical manifest bytes (the bundle's identity) and the
 * signature is over those same bytes. Artifacts of kind {@code source} carry the project's source
 * files ({@link SourceArtifacts}); readers that evaluate contracts skip them, and bundles without
 * them are just as valid.
 */
final class BundleFormat {

  static final String FORMAT = "ben-bundle";
  static final int VERSION = 1;
  static final String SIGNATURE_ALGORITHM = "Ed25519";

  static final String F_FORMAT = "format";
  static final String F_FORMAT_VERSION = "format_version";
  static final String F_ID = "id";
  static final String F_MANIFEST = "manifest";
  static final String F_ARTIFACTS = "artifacts";
  static final String F_SIGNATURE = "signature";
  static final String F_CONTENT = "content";
  static final String F_KIND = "kind";
  static final String F_NAME = "name";
  static final String F_FINGERPRINT = "fingerprint";
  static final String F_PROJECT = "project";
  static final String F_COMPILER_VERSION = "compiler_version";
  static final String F_BUILD_ID = "build_id";
  static final String F_ALGORITHM = "algorithm";
  static final String F_KEY_ID = "key_id";
  static final String F_VALUE = "value";

  private BundleFormat() {}
}
