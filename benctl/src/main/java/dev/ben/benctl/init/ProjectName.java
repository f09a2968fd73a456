package dev.ben.benctl.init;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Project names as {@code ben.project} accepts them: a lower-case letter, then lower-case letters,
 * digits, {@code _} and {@code -}, at most 63 characters. The same name also names the signing key
 * file.
 */
final class ProjectName {

  static final int MAX_LENGTH = 63;
  static final String FALLBACK = "project";
  private static final Pattern VALID =
      Pattern.compile("[a-z][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

  private ProjectName() {}

  static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * A valid name made from a folder name: accents dropped ({@code Café} gives {@code cafe}),
   * lower-cased, every run of other characters (and of dashes) turned into one {@code -}, leading
   * characters that are not letters removed; {@code project} when nothing usable is left.
   */
  static String derive(String folderName) {
    if (folderName == null) {
      return FALLBACK;
    }
    String plain = Normalizer.normalize(folderName, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String name =
        plain
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_-]+", "-")
            .replaceAll("-{2,}", "-")
            .replaceFirst("^[^a-z]+", "");
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH);
    }
    name = name.replaceFirst("-+$", "");
    return name.isEmpty() ? FALLBACK : name;
  }
}
