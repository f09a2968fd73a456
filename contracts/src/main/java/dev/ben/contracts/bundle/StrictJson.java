package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.Refusal.Reason.MALFORMED;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Field access for reading bundles that refuses instead of guessing: a missing field, a field of
 * the wrong JSON type or an unexpected extra field is a malformed bundle, reported with where it
 * was found.
 */
final class StrictJson {

  private StrictJson() {}

  static JsonNode object(JsonNode parent, String field, String where)
      throws BundleRefusedException {
    JsonNode value = present(parent, field, where);
    if (!value.isObject()) {
      throw wrongType(field, where, "an object", value);
    }
    return value;
  }

  static JsonNode array(JsonNode parent, String field, String where) throws BundleRefusedException {
    JsonNode value = present(parent, field, where);
    if (!value.isArray()) {
      throw wrongType(field, where, "an array", value);
    }
    return value;
  }

  static String text(JsonNode parent, String field, String where) throws BundleRefusedException {
    JsonNode value = present(parent, field, where);
    if (!value.isTextual()) {
      throw wrongType(field, where, "a string", value);
    }
    return value.textValue();
  }

  static JsonNode present(JsonNode parent, String field, String where)
      throws BundleRefusedException {
    JsonNode value = parent.get(field);
    if (value == null) {
      throw new BundleRefusedException(MALFORMED, where + " has no '" + field + "' field");
    }
    return value;
  }

  /**
   * Refuses fields outside {@code allowed}: anything unlisted would travel unsigned and unchecked.
   */
  static void onlyFields(JsonNode object, Set<String> allowed, String where)
      throws BundleRefusedException {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new BundleRefusedException(
            MALFORMED,
            where
                + " has an unexpected field '"
                + name
                + "'; expected only "
                + new java.util.TreeSet<>(allowed));
      }
    }
  }

  /**
   * Runs a constructor that validates by throwing {@link IllegalArgumentException}, as a refusal.
   */
  static <T> T validated(Validating<T> constructor, String where) throws BundleRefusedException {
    try {
      return constructor.create();
    } catch (IllegalArgumentException e) {
      throw new BundleRefusedException(MALFORMED, where + ": " + e.getMessage());
    }
  }

  /** A constructor call whose validation errors become refusals. */
  @FunctionalInterface
  interface Validating<T> {
    T create();
  }

  private static BundleRefusedException wrongType(
      String field, String where, String expected, JsonNode actual) {
    return new BundleRefusedException(
        MALFORMED,
        where
            + " field '"
            + field
            + "' must be "
            + expected
            + " but is "
            + actual.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
  }
}
