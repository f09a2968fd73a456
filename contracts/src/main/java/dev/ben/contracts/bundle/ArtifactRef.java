package dev.ben.contracts.bundle;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One manifest line: which artifact (kind and name) and the fingerprint of its canonical bytes.
 * Kinds are lower snake case ({@code schema}, {@code policy_pack}); names are identifiers that may
 * carry dots and dashes ({@code login}, {@code login.v1}), except that source files are named by
 * their project-relative path ({@link SourceArtifacts}).
 */
public record ArtifactRef(String kind, String name, Fingerprint fingerprint) {

  /** The one order of artifacts in a bundle and its manifest: by kind, then by name. */
  public static final Comparator<ArtifactRef> ORDER =
      Comparator.comparing(ArtifactRef::kind).thenComparing(ArtifactRef::name);

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,47}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}");

  public ArtifactRef {
    requireValidKind(kind);
    requireValidName(kind, name);
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** {@code kind/name}, the way artifacts are named in messages. */
  public String label() {
    return kind + "/" + name;
  }

  static void requireValidKind(String kind) {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "invalid artifact kind '"
              + kind
              + "': use lower snake case starting with a letter, at most 48 characters (e.g. schema)");
    }
  }

  static void requireValidName(String kind, String name) {
    if (SourceArtifacts.KIND.equals(kind)) {
      SourceArtifacts.requireValidPath(name);
      return;
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid artifact name '"
              + name
              + "': start with a letter or _, then letters, digits, _ . or -, at most 128 characters");
    }
  }
}
