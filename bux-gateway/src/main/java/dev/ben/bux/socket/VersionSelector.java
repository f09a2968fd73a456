package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;

/** Which version of a pipeline: a number, the active one, or the newest staged one. */
public record VersionSelector(Kind kind, long number) {

  public enum Kind {
    NUMBER,
    ACTIVE,
    STAGED
  }

  public static final VersionSelector ACTIVE = new VersionSelector(Kind.ACTIVE, 0);
  public static final VersionSelector STAGED = new VersionSelector(Kind.STAGED, 0);

  public static VersionSelector number(long version) {
    if (version <= 0) {
      throw new IllegalArgumentException("versions start at 1, not " + version);
    }
    return new VersionSelector(Kind.NUMBER, version);
  }

  /** From JSON: a whole number ≥ 1, "active" or "staged". */
  static VersionSelector parse(JsonNode version) {
    if (version != null
        && version.isIntegralNumber()
        && version.canConvertToLong()
        && version.asLong() > 0) {
      return number(version.asLong());
    }
    if (version != null && version.isTextual()) {
      switch (version.asText()) {
        case "active":
          return ACTIVE;
        case "staged":
          return STAGED;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "version must be a version number (1, 2, ...), \"active\" or \"staged\"; got "
            + (version == null ? "nothing" : version.toString()));
  }

  @Override
  public String toString() {
    return kind == Kind.NUMBER ? "v" + number : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
