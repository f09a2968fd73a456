package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import dev.ben.contracts.lang.ListDecl;
import dev.ben.contracts.lang.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks lists: a scalar element type, and values that fit it, whether written inline or read from
 * a list file (one entry per line; blank lines and {@code #} comments ignored; errors point into
 * the list file).
 */
final class ListChecker {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");

  private final CheckContext context;
  private final Diagnostics diagnostics;

  ListChecker(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
  }

  ListValues check(ListDecl list) {
    BenType type = TypeResolver.resolve(list.type(), diagnostics);
    if (type == null) {
      return null;
    }
    if (type.isOptional() || type.isArray()) {
      diagnostics.error(
          list.type().span(),
          "list elements must be a plain scalar type, not `" + type.spelling() + "`",
          "use `" + type.prim().spelling() + "`");
      return null;
    }
    Prim prim = type.prim();
    List<Literal> literals = list.values() != null ? list.values() : readFile(list, prim);
    List<Object> values = new ArrayList<>();
    String context = "in list `" + list.name().name() + "`";
    for (Literal literal : literals) {
      Object value = this.context.literals.value(literal, prim, context);
      if (value != null) {
        values.add(value);
      }
    }
    return new ListValues(list, prim, values);
  }

  private List<Literal> readFile(ListDecl list, Prim prim) {
    Literal.Str written = list.file();
    String path = ProjectPaths.resolve(written.span().file().path(), written.value());
    if (path == null) {
      diagnostics.error(
          written.span(),
          "list file \"" + written.value() + "\" is outside the project",
          "list files are relative to the declaring file and must stay inside the project folder");
      return List.of();
    }
    Optional<SourceFile> file = context.resources.read(path);
    if (file.isEmpty()) {
      diagnostics.error(
          written.span(),
          "list file \"" + written.value() + "\" was not found in the project",
          "expected it at `" + path + "` in the project");
      return List.of();
    }
    return entries(file.get(), prim);
  }

  private List<Literal> entries(SourceFile file, Prim prim) {
    List<Literal> entries = new ArrayList<>();
    for (int line = 1; line <= file.lineCount(); line++) {
      String raw = file.lineText(line);
      String entry = raw.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      int start = file.lineStart(line) + raw.indexOf(entry);
      Span span = new Span(file, start, start + entry.length());
      entries.add(literal(entry, prim, span));
    }
    return entries;
  }

  /**
   * An entry as the literal it would be in source, so one conversion path serves inline and file
   * lists.
   */
  private static Literal literal(String entry, Prim prim, Span span) {
    if (prim.isNumeric() && NUMBER.matcher(entry).matches()) {
      return new Literal.Num(
          entry, entry.contains(".") || entry.contains("e") || entry.contains("E"), span);
    }
    if (prim == Prim.BOOL && (entry.equals("true") || entry.equals("false"))) {
      return new Literal.Bool(entry.equals("true"), span);
    }
    return prim.isNumeric() || prim == Prim.BOOL
        ? new Literal.Word(entry, span)
        : new Literal.Str(entry, span);
  }
}
