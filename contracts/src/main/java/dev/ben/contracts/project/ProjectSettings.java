package dev.ben.contracts.project;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The `ben.project` file: {@code name = "auth"}, {@code key = "keys/auth.key"} (the signing key) and
 * {@code pii = "warn" | "error"} (whether a @pii field reaching the store unredacted is a warning or an error).
 * One setting per line; `#` and `//` start comments.
 */
public record ProjectSettings(String name, Optional<String> key, boolean piiIsError) {

  public static final String FILE_NAME = "ben.project";

  private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public static ProjectSettings parse(SourceFile file, Diagnostics diagnostics) {
    String name = null;
    String key = null;
    boolean piiIsError = false;
    String text = file.text();
    int offset = 0;
    for (String line : text.split("\n", -1)) {
      String content = stripComment(line);
      Span span = new Span(file, offset, offset + line.length());
      offset += line.length() + 1;
      if (content.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(content);
      if (!m.matches()) {
        diagnostics.error(span, "cannot read this line of " + FILE_NAME, "write settings as `key = \"value\"`");
        continue;
      }
      String value = m.group(2);
      Span valueSpan = new Span(file, span.start() + line.indexOf('"'), span.start() + line.lastIndexOf('"') + 1);
      switch (m.group(1)) {
        case "name" -> {
          if (!NAME.matcher(value).matches()) {
            diagnostics.error(valueSpan, "project name `" + value + "` must be lower-case letters, digits and `_`",
                "for example `name = \"auth\"`");
          }
          name = value;
        }
        case "key" -> key = value;
        case "pii" -> {
          if (!value.equals("warn") && !value.equals("error")) {
            diagnostics.error(valueSpan, "`pii` must be \"warn\" or \"error\", not \"" + value + "\"");
          }
          piiIsError = value.equals("error");
        }
        default -> diagnostics.error(new Span(file, span.start() + line.indexOf(m.group(1)),
                span.start() + line.indexOf(m.group(1)) + m.group(1).length()),
            "unknown setting `" + m.group(1) + "` in " + FILE_NAME, "settings are `name`, `key` and `pii`");
      }
    }
    if (name == null) {
      diagnostics.error(new Span(file, 0, Math.min(1, text.length())), FILE_NAME + " does not name the project",
          "add a line `name = \"my_project\"`");
      name = "unnamed";
    }
    return new ProjectSettings(name, Optional.ofNullable(key), piiIsError);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    int slashes = line.indexOf("//");
    int cut = hash < 0 ? slashes : slashes < 0 ? hash : Math.min(hash, slashes);
    return (cut < 0 ? line : line.substring(0, cut)).replace("\r", "");
  }
}
