package dev.ben.contracts.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The source files a bundle carries beside its compiled artifacts, so that readers can show the
 * lines an operator wrote. Each is an artifact of kind {@value #KIND} named by its project-relative
 * path ({@code login.ben}, {@code lists/sanctions.txt}) whose content is {@code
 * {"path":..,"text":..}}; it is fingerprinted and signed like every artifact, so a source cannot be
 * swapped without breaking the signature. Nothing evaluates them: the compiled artifacts are what
 * runs.
 */
public final class SourceArtifacts {

  public static final String KIND = "source";

  /** A larger source file is refused: bundles travel through the ledger whole. */
  public static final int MAX_TEXT_BYTES = 1024 * 1024;

  static final int MAX_PATH_LENGTH = 255;
  private static final String F_PATH = "path";
  private static final String F_TEXT = "text";
  private static final String SEGMENT = "[A-Za-z0-9_][A-Za-z0-9_.\\-]*";
  private static final Pattern PATH = Pattern.compile(SEGMENT + "(/" + SEGMENT + ")*");

  private SourceArtifacts() {}

  /**
   * The content of the source artifact for the file at {@code path}.
   *
   * @throws IllegalArgumentException naming the file when its path cannot name an artifact or its
   *     text is larger than {@link #MAX_TEXT_BYTES}
   */
  public static ObjectNode content(String path, String text) {
    requireValidPath(path);
    requireBounded(path, text);
    var content = JsonNodeFactory.instance.objectNode();
    content.put(F_PATH, path);
    content.put(F_TEXT, text);
    return content;
  }

  /** The file's text when {@code artifact} is a source artifact. */
  public static Optional<String> text(Artifact artifact) {
    if (!artifact.kind().equals(KIND)) {
      return Optional.empty();
    }
    return Optional.of(artifact.content().path(F_TEXT).asText());
  }

  /** Source names are paths, so they follow their own rule rather than the identifier one. */
  static void requireValidPath(String path) {
    if (path == null || path.length() > MAX_PATH_LENGTH || !PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "source file '"
              + path
              + "' cannot go into a bundle: its path must be at most "
              + MAX_PATH_LENGTH
              + " characters of folders and a file name made of letters, digits, _ . or -"
              + " (not starting with .), separated by /; rename it");
    }
  }

  /** What a reader accepts as a source artifact's content: exactly its path and bounded text. */
  static void requireValidContent(String name, JsonNode content) {
    if (!content.isObject()
        || !content.path(F_TEXT).isTextual()
        || !name.equals(content.path(F_PATH).textValue())
        || content.size() != 2) {
      throw new IllegalArgumentException(
          "source artifact "
              + name
              + " must hold exactly {\""
              + F_PATH
              + "\":\""
              + name
              + "\",\""
              + F_TEXT
              + "\":\"..\"}; found fields "
              + fieldNames(content));
    }
    requireBounded(name, content.path(F_TEXT).textValue());
  }

  private static void requireBounded(String path, String text) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEXT_BYTES) {
      throw new IllegalArgumentException(
          "source file "
              + path
              + " is "
              + bytes
              + " bytes, more than the "
              + MAX_TEXT_BYTES
              + " a bundle carries per source file; split it into smaller files");
    }
  }

  private static String fieldNames(JsonNode content) {
    var names = new StringBuilder("[");
    for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
      names.append(it.next()).append(it.hasNext() ? ", " : "");
    }
    return names.append(']').toString();
  }
}
