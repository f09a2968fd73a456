package dev.ben.contracts.check;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolution of paths written in sources ({@code import}, {@code file(..)}) against the declaring
 * file.
 */
public final class ProjectPaths {

  private ProjectPaths() {}

  /**
   * The project-relative, normalised path of {@code written} as seen from the file at {@code
   * fromFile}, or null when it is absolute or climbs out of the project.
   */
  public static String resolve(String fromFile, String written) {
    if (written.isEmpty()
        || written.startsWith("/")
        || written.startsWith("\\")
        || written.contains(":")
        || written.contains("\\")) {
      return null;
    }
    int slash = fromFile.lastIndexOf('/');
    String base = slash < 0 ? "" : fromFile.substring(0, slash + 1);
    Deque<String> parts = new ArrayDeque<>();
    for (String part : (base + written).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return parts.isEmpty() ? null : String.join("/", parts);
  }
}
