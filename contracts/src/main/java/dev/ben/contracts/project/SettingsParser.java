package dev.ben.contracts.project;

import dev.ben.contracts.check.ProjectPaths;
import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Severity;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code ben.project}: one {@code key = "value"} per line, {@code #} or {@code //} comments.
 * Known keys: {@code name} and {@code key} (required), {@code pii} ({@code "warn"} or {@code
 * "error"}). Anything else is an error, so a typo never silently falls back to a default.
 */
final class SettingsParser {
  static final String FILE_NAME = "ben.project";
  private static final List<String> KEYS = List.of("name", "key", "pii");
  private static final Pattern LINE =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

  private SettingsParser() {}

  /** The settings, or null after reporting what is missing or wrong. */
  static ProjectSettings parse(SourceFile file, Diagnostics diagnostics) {
    int errorsBefore = diagnostics.errorCount();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Span> spans = new LinkedHashMap<>();
    for (int line = 1; line <= file.lineCount(); line++) {
      String text = file.lineText(line);
      String trimmed = text.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("//")) {
        continue;
      }
      int start = file.lineStart(line);
      Matcher matcher = LINE.matcher(text);
      if (!matcher.matches()) {
        diagnostics.error(
            new Span(file, start + text.indexOf(trimmed), start + text.length()),
            "expected `key = \"value\"` in ben.project",
            "for example `name = \"auth\"`");
        continue;
      }
      String key = matcher.group(1);
      Span keySpan = new Span(file, start + matcher.start(1), start + matcher.end(1));
      if (!KEYS.contains(key)) {
        String[] hint = DiagnosticRenderer.didYouMean(key, KEYS);
        diagnostics.error(
            keySpan,
            "unknown setting `" + key + "` in ben.project; expected one of name, key, pii",
            hint);
      } else if (values.containsKey(key)) {
        diagnostics.error(keySpan, "`" + key + "` is set twice in ben.project");
      } else {
        values.put(key, matcher.group(2));
        spans.put(key, new Span(file, start + matcher.start(2) - 1, start + matcher.end(2) + 1));
      }
    }
    ProjectSettings settings = validate(file, values, spans, diagnostics);
    return diagnostics.errorCount() > errorsBefore ? null : settings;
  }

  private static ProjectSettings validate(
      SourceFile file,
      Map<String, String> values,
      Map<String, Span> spans,
      Diagnostics diagnostics) {
    Span top = new Span(file, 0, 0);
    String name = values.get("name");
    String key = values.get("key");
    if (name == null) {
      diagnostics.error(
          top, "ben.project does not name the project", "add `name = \"my_project\"`");
    } else if (!NAME.matcher(name).matches()) {
      diagnostics.error(
          spans.get("name"),
          "project name \""
              + name
              + "\" must start with a lower-case letter "
              + "and use only a-z, 0-9, `_` and `-` (at most 63 characters)");
    }
    if (key == null) {
      diagnostics.error(
          top,
          "ben.project does not name the signing key",
          "add `key = \"keys/"
              + (name == null ? "project" : name)
              + ".key\"` (create it with `benctl keygen`)");
    } else if (ProjectPaths.resolve(FILE_NAME, key) == null) {
      diagnostics.error(
          spans.get("key"), "the key path \"" + key + "\" must be relative and inside the project");
    }
    Severity pii = Severity.WARNING;
    String piiMode = values.get("pii");
    if ("error".equals(piiMode)) {
      pii = Severity.ERROR;
    } else if (piiMode != null && !piiMode.equals("warn")) {
      diagnostics.error(
          spans.get("pii"), "pii must be \"warn\" or \"error\", not \"" + piiMode + "\"");
    }
    return name == null || key == null
        ? null
        : new ProjectSettings(name, ProjectPaths.resolve(FILE_NAME, key), pii);
  }
}
