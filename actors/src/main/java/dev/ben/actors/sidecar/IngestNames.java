package dev.ben.actors.sidecar;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pipeline and app names an ingest request carries, resolved and checked before anything reads
 * the body: a bad name is the caller's mistake and is answered with how to fix it.
 */
final class IngestNames {

  /** The app of a request that names none. */
  static final String DEFAULT_APP = "default";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private IngestNames() {}

  /** The app a request names: {@code ?app=} first, then {@code X-Ben-App}, else the default. */
  static String app(Optional<String> parameter, Optional<String> header) {
    return parameter.or(() -> header).orElse(DEFAULT_APP);
  }

  /**
   * Why the names are refused, or empty when they are valid: names are letters, digits, {@code _ .
   * -}, at most 64. The pipeline is checked first, and only when the route has one.
   */
  static Optional<String> refusal(Optional<String> pipeline, String app) {
    if (pipeline.isPresent() && !NAME.matcher(pipeline.get()).matches()) {
      return Optional.of(
          "name the pipeline with "
              + "?pipeline=NAME (letters, digits, `_`, `.`, `-`, at most 64)");
    }
    if (!NAME.matcher(app).matches()) {
      return Optional.of(
          "the app name `" + app + "` must be letters, digits, `_`, `.`, `-`, at most 64");
    }
    return Optional.empty();
  }
}
