package dev.ben.streams.ledger;

import java.util.regex.Pattern;

/**
 * The shapes the ledger accepts for names and ids, checked where records are made so nothing
 * malformed is stored.
 */
final class LedgerNames {

  /**
   * The pipeline names the rest of Ben accepts (ben.node.pass-through-pipelines, the ingest path).
   */
  private static final Pattern PIPELINE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final Pattern BUNDLE_ID = Pattern.compile("sha256:[0-9a-f]{64}");

  private LedgerNames() {}

  static String pipeline(String name, String what) {
    if (name == null || !PIPELINE.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " `" + name + "` is not a pipeline name (1-64 letters, digits, `_`, `.` and `-`)");
    }
    return name;
  }

  static String bundleId(String id) {
    if (id == null || !BUNDLE_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "bundle id `"
              + id
              + "` is not a bundle fingerprint (sha256: followed by 64 lowercase hex digits, as `benctl build` prints)");
    }
    return id;
  }

  static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }

  static long notNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
    return value;
  }
}
