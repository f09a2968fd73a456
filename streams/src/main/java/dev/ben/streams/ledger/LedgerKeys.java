package dev.ben.streams.ledger;

/**
 * The key layout both stores share. Keys are dot-separated tokens, valid as JetStream KV keys and
 * sorting like the numbers they hold (numbers are zero-padded):
 *
 * <pre>
 *   pipelines.&lt;pipeline&gt;                  the header
 *   versions.&lt;pipeline&gt;.&lt;version&gt;        a version record, written once
 *   states.&lt;pipeline&gt;.&lt;seq&gt;              an appended state change
 *   events.&lt;pipeline&gt;.&lt;seq&gt;              an appended event
 *   bundles.&lt;hex&gt;                       the digest and size of a stored bundle body
 * </pre>
 *
 * Pipeline names may contain dots, which would split a token, so a dot is written as {@code =}, a
 * character pipeline names never contain; the mapping is therefore one-to-one.
 */
final class LedgerKeys {

  static final String HEADERS = "pipelines.";

  private LedgerKeys() {}

  static String header(String pipeline) {
    return HEADERS + token(pipeline);
  }

  /** The pipeline a header key names. */
  static String pipelineOf(String headerKey) {
    return headerKey.substring(HEADERS.length()).replace('=', '.');
  }

  static String versions(String pipeline) {
    return "versions." + token(pipeline) + ".";
  }

  static String states(String pipeline) {
    return "states." + token(pipeline) + ".";
  }

  static String events(String pipeline) {
    return "events." + token(pipeline) + ".";
  }

  static String bundle(String bundleId) {
    return "bundles." + bundleId.substring(bundleId.indexOf(':') + 1);
  }

  /** The key of entry {@code n} under a numbered prefix. */
  static String numbered(String prefix, long n) {
    return prefix + String.format("%012d", n);
  }

  /** The number at the end of a numbered key. */
  static long numberOf(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf('.') + 1));
  }

  private static String token(String pipeline) {
    return pipeline.replace('.', '=');
  }
}
