package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one schema and builds its {@link SchemaView}. */
final class SchemaChecks {

  private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]{0,5}");
  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");

  private SchemaChecks() {}

  static SchemaView check(Ast.Schema schema, Diagnostics d) {
    SchemaView view = new SchemaView(schema);
    if (!VERSION.matcher(schema.version().text()).matches()) {
      d.error(schema.version().span(), "schema version `" + schema.version().text() + "` must be v1, v2, …",
          "write `schema " + schema.name().text() + " v1 { … }`");
    }
    schema.table().ifPresentOrElse(table -> checkTable(table, d), () -> d.error(schema.name().span(),
        "schema `" + schema.name().text() + "` has no table", "add `table " + schema.name().text() + "s` to it"));
    Set<String> seen = new HashSet<>();
    for (Ast.Field field : schema.fields()) {
      if (!seen.add(field.name().text())) {
        d.error(field.name().span(), "duplicate field `" + field.name().text() + "` in schema `"
            + schema.name().text() + "`", null);
        continue;
      }
      for (Ast.Name annotation : field.annotations()) {
        if (!annotation.text().equals("pii")) {
          d.error(annotation.span(), "unknown annotation `@" + annotation.text() + "`", "the only annotation is @pii");
        }
      }
      boolean pii = field.annotations().stream().anyMatch(a -> a.text().equals("pii"));
      view.declare(field.name().text());
      resolve(field.type(), d).ifPresent(type -> view.add(field.name().text(), type, pii));
    }
    if (schema.fields().isEmpty()) {
      d.error(schema.name().span(), "schema `" + schema.name().text() + "` has no fields", "add `fields { … }`");
    }
    Optional<List<Ast.Name>> key = schema.key();
    if (key.isEmpty() || key.get().isEmpty()) {
      d.error(schema.name().span(), "schema `" + schema.name().text() + "` has no key",
          "name the fields that identify an entity, e.g. `key [tenant, user]`");
    }
    key.ifPresent(fields -> fields.forEach(f -> view.field(f, d).ifPresent(t -> {
      if (t.optional()) {
        d.error(f.span(), "key field `" + f.text() + "` is optional", "key fields must always be present; drop the `?`");
      }
    })));
    schema.orderBy().forEach(f -> view.field(f, d));
    return view;
  }

  private static void checkTable(Ast.Name table, Diagnostics d) {
    String name = table.text();
    if (!TABLE.matcher(name).matches()) {
      d.error(table.span(), "table name `" + name + "` is not snake_case",
          "use lower-case letters, digits and `_`, starting with a letter, e.g. `" + snake(name) + "`");
    } else if (name.length() < 3 || name.length() > 48) {
      d.error(table.span(), "table name `" + name + "` has " + name.length() + " characters",
          "table names have 3 to 48 characters");
    }
  }

  static Optional<FieldType.Resolved> resolve(Ast.TypeRef ref, Diagnostics d) {
    Optional<FieldType> scalar = FieldType.parse(ref.base().text());
    if (scalar.isEmpty()) {
      d.error(ref.base().span(), "unknown type `" + ref.base().text() + "`",
          Optional.ofNullable(Suggestions.didYouMean(ref.base().text(), FieldType.keywords()))
              .orElse("types are " + String.join(", ", FieldType.keywords())));
      return Optional.empty();
    }
    return Optional.of(new FieldType.Resolved(scalar.get(), ref.array(), ref.optional()));
  }

  private static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toLowerCase();
  }
}
