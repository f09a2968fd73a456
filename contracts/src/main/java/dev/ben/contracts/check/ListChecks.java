package dev.ben.contracts.check;

import dev.ben.contracts.lang.Ast;
import java.util.Optional;
import java.util.function.Function;

/** Checks lists: a scalar type, values of that type, or a file inside the project that exists. */
final class ListChecks {

  private ListChecks() {}

  static void check(Ast.ValueList list, CheckContext c, Function<String, Optional<String>> projectFile) {
    Optional<FieldType.Resolved> type = SchemaChecks.resolve(list.type(), c.d);
    if (type.isEmpty()) {
      return;
    }
    if (type.get().array() || type.get().optional()) {
      c.error(list.type().span(), "a list's type is a plain type such as `string`, not `" + type.get().describe() + "`",
          null);
    }
    FieldType scalar = type.get().scalar();
    c.lists.put(list.name().text(), scalar);
    for (Ast.Literal item : list.items()) {
      if (!scalar.accepts(item.kind()) || item.kind() == Ast.Literal.Kind.NULL) {
        c.error(item.span(), "`" + item.span().text() + "` is not a " + scalar.keyword() + " value",
            "list `" + list.name().text() + "` holds " + scalar.keyword() + " values");
      }
    }
    list.file().ifPresent(file -> {
      String path = file.text();
      if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
        c.error(file.span(), "list file `" + path + "` must be a relative path inside the project", null);
      } else if (projectFile.apply(path).isEmpty()) {
        c.error(file.span(), "list file `" + path + "` does not exist in the project",
            "create it with one value per line (blank lines and # comments are ignored)");
      }
    });
  }
}
