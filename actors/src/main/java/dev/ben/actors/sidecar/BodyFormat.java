package dev.ben.actors.sidecar;

import dev.ben.streams.sidecar.BodyDecoding;
import dev.ben.streams.sidecar.BodyDecoding.Coding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.ContentType;

/**
 * Which request bodies an endpoint reads, decided from {@code Content-Type} and {@code
 * Content-Encoding} before a byte of the body is: {@code /events} takes newline-delimited JSON
 * under any of the names clients give it, {@code /invoke} one JSON object. Text must be UTF-8. A
 * request without {@code Content-Type} (which HTTP reads as {@code application/octet-stream}) and
 * one in curl's default for {@code -d} ({@code application/x-www-form-urlencoded}) are refused with
 * the header to add, so a body is never read as something it was not declared to be.
 */
final class BodyFormat {

  static final List<String> EVENTS =
      List.of("application/x-ndjson", "application/jsonl", "application/json", "text/plain");
  static final List<String> INVOKE = List.of("application/json");

  /** How a body is read, or why it is not. */
  sealed interface Decision {}

  record Readable(Coding coding) implements Decision {}

  /**
   * @param reason a word from a fixed set, for the refusal counter
   */
  record Unreadable(String reason, String message, List<String> supported) implements Decision {}

  private BodyFormat() {}

  static Decision events(ContentType type, Optional<String> contentEncoding) {
    return decide(EVENTS, "application/x-ndjson", type, contentEncoding);
  }

  static Decision invoke(ContentType type, Optional<String> contentEncoding) {
    return decide(INVOKE, "application/json", type, contentEncoding);
  }

  private static Decision decide(
      List<String> supported, String usual, ContentType type, Optional<String> contentEncoding) {
    String media =
        (type.mediaType().mainType() + "/" + type.mediaType().subType()).toLowerCase(Locale.ROOT);
    if (!supported.contains(media)) {
      return new Unreadable(
          "unsupported_media_type",
          "a body of type `"
              + media
              + "` is not read here; send it as "
              + String.join(", ", supported)
              + why(media)
              + " (with curl: -H 'Content-Type: "
              + usual
              + "' --data-binary @file)",
          supported);
    }
    if (type.getCharsetOption()
        .map(c -> !c.nioCharset().equals(StandardCharsets.UTF_8))
        .orElse(false)) {
      return new Unreadable(
          "unsupported_media_type",
          "the body must be UTF-8, not " + type.getCharsetOption().get().value(),
          supported);
    }
    return Coding.of(contentEncoding)
        .<Decision>map(Readable::new)
        .orElseGet(
            () ->
                new Unreadable(
                    "unsupported_encoding",
                    "a body with Content-Encoding `"
                        + contentEncoding.orElse("")
                        + "` is not read here; send it with "
                        + BodyDecoding.SUPPORTED,
                    supported));
  }

  private static String why(String media) {
    return switch (media) {
      case "application/x-www-form-urlencoded" ->
          ", not as a form: curl sends a form for -d and --data-binary unless told otherwise";
      case "application/octet-stream" ->
          ": the request named no type (or application/octet-stream), which says nothing of JSON";
      default -> "";
    };
  }
}
