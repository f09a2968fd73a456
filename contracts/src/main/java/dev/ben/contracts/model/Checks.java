package dev.ben.contracts.model;

import java.util.List;

/**
 * Constructor guards shared by the model records, so a malformed artifact fails where it is built.
 */
final class Checks {

  private Checks() {}

  static String name(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-empty name");
    }
    return value;
  }

  static <T> T present(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  /**
   * Missing lists (absent in JSON) become empty; every list is copied so records stay immutable.
   */
  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static long positive(long value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
    return value;
  }

  static long notNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
    return value;
  }

  static String fingerprint(String value) {
    return value == null ? "" : value;
  }
}
