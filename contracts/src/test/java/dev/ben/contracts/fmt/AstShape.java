package dev.ben.contracts.fmt;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import dev.ben.contracts.lang.BenFile;
import dev.ben.contracts.lang.Comment;
import dev.ben.contracts.lang.Parser;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** A position-free rendering of a parsed file, so two parses can be compared for meaning. */
final class AstShape {

  private AstShape() {}

  static String of(String source) {
    Diagnostics diagnostics = new Diagnostics();
    BenFile file = Parser.parse(new SourceFile("shape.ben", source), diagnostics);
    if (diagnostics.hasErrors()) {
      throw new IllegalArgumentException("does not parse:\n" + diagnostics.render());
    }
    StringBuilder out = new StringBuilder();
    dump(file.imports(), out);
    dump(file.decls(), out);
    return out.toString();
  }

  static boolean parses(String source) {
    Diagnostics diagnostics = new Diagnostics();
    Parser.parse(new SourceFile("shape.ben", source), diagnostics);
    return !diagnostics.hasErrors();
  }

  static List<String> comments(String source) {
    Diagnostics diagnostics = new Diagnostics();
    return Parser.parse(new SourceFile("shape.ben", source), diagnostics).comments().stream()
        .map(Comment::text)
        .toList();
  }

  private static void dump(Object value, StringBuilder out) {
    if (value instanceof Span || value instanceof SourceFile) {
      return;
    }
    if (value instanceof List<?> list) {
      out.append('[');
      for (Object item : list) {
        dump(item, out);
        out.append(',');
      }
      out.append(']');
    } else if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('(');
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          dump(component.getAccessor().invoke(record), out);
        } catch (ReflectiveOperationException unexpected) {
          throw new IllegalStateException(unexpected);
        }
        out.append(';');
      }
      out.append(')');
    } else {
      out.append(value);
    }
  }
}
