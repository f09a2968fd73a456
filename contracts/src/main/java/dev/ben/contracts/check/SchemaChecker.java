package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.SchemaDecl;
import dev.ben.contracts.lang.SchemaDecl.FieldDecl;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks schemas: version, table name, fields and their types, key and order_by. */
final class SchemaChecker {
  static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]{0,5}");

  /** Columns the compiler adds to every table; a field of the same name would clash in the DDL. */
  static final List<String> RESERVED_COLUMNS =
      List.of(
          "event_id",
          "ingested_at",
          "app",
          "contract_version",
          "bits",
          "rules",
          "action",
          "facts",
          "detector_values",
          "playbook_outcomes",
          "anomaly_score");

  private final CheckContext context;
  private final Diagnostics diagnostics;
  private final Map<String, SchemaDecl> tables = new HashMap<>();

  SchemaChecker(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
  }

  SchemaInfo check(SchemaDecl schema) {
    if (!VERSION.matcher(schema.version().name()).matches()) {
      diagnostics.error(
          schema.version().span(),
          "schema version must look like `v1`, found `" + schema.version().name() + "`",
          "write `v` and the version number, e.g. `v2`");
    }
    Map<String, BenType> fields = fields(schema);
    table(schema);
    key(schema, fields);
    for (Ident field : schema.orderBy()) {
      BenType type = context.field(new SchemaInfo(schema, fields), field);
      if (type != null && (type.isOptional() || type.isArray())) {
        diagnostics.error(
            field.span(),
            "order_by field `"
                + field.name()
                + "` is "
                + describe(type)
                + "; the store cannot sort by it",
            "order by fields that are always present and not arrays");
      }
    }
    return new SchemaInfo(schema, fields);
  }

  private Map<String, BenType> fields(SchemaDecl schema) {
    Map<String, BenType> fields = new LinkedHashMap<>();
    if (schema.fields().isEmpty()) {
      diagnostics.error(
          schema.name().span(),
          "schema `" + schema.name().name() + "` has no fields",
          "add `fields { name: type ... }`");
    }
    for (FieldDecl field : schema.fields()) {
      String name = field.name().name();
      if (fields.containsKey(name)) {
        diagnostics.error(
            field.name().span(),
            "duplicate field `" + name + "` in schema `" + schema.name().name() + "`");
        continue;
      }
      if (RESERVED_COLUMNS.contains(name)) {
        diagnostics.error(
            field.name().span(),
            "field name `" + name + "` is reserved: every table gets a `" + name + "` column",
            "rename the field");
      }
      BenType type = TypeResolver.resolve(field.type(), diagnostics);
      if (type != null) {
        fields.put(name, type);
      }
    }
    return fields;
  }

  private void table(SchemaDecl schema) {
    Ident table = schema.table();
    if (table == null) {
      diagnostics.error(
          schema.name().span(),
          "schema `" + schema.name().name() + "` has no `table`",
          "add `table " + schema.name().name() + "s` (snake_case, 3-48 characters)");
      return;
    }
    String name = table.name();
    if (name.length() < 3 || name.length() > 48) {
      diagnostics.error(
          table.span(),
          "table name `" + name + "` must be 3-48 characters long, not " + name.length());
    } else if (!SNAKE_CASE.matcher(name).matches()) {
      diagnostics.error(
          table.span(),
          "table name `" + name + "` is not snake_case",
          "use lower-case letters, digits and single underscores, e.g. `" + snake(name) + "`");
    }
    SchemaDecl first = tables.putIfAbsent(name, schema);
    if (first != null) {
      diagnostics.error(
          table.span(),
          "table `" + name + "` is already used by schema `" + first.name().name() + "`",
          "each schema needs its own table");
    }
  }

  static String snake(String name) {
    String snake =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .toLowerCase()
            .replaceAll("[^a-z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    return snake.isEmpty() || !Character.isLetter(snake.charAt(0)) ? "t_" + snake : snake;
  }

  private void key(SchemaDecl schema, Map<String, BenType> fields) {
    if (schema.key() == null || schema.key().isEmpty()) {
      diagnostics.error(
          schema.key() == null ? schema.name().span() : schema.keySpan(),
          "schema `" + schema.name().name() + "` has no key",
          "add `key [field, ...]` naming the fields that identify an"
              + " entity (for example `key [tenant, user]`)");
      return;
    }
    Map<String, Ident> seen = new HashMap<>();
    for (Ident field : schema.key()) {
      if (seen.put(field.name(), field) != null) {
        diagnostics.error(field.span(), "key field `" + field.name() + "` is listed twice");
        continue;
      }
      BenType type = fields.get(field.name());
      if (type == null) {
        if (schema.fields().stream().noneMatch(f -> f.name().name().equals(field.name()))) {
          diagnostics.error(
              field.span(),
              "key names unknown field `"
                  + field.name()
                  + "` in schema `"
                  + schema.name().name()
                  + "`",
              DiagnosticRenderer.didYouMean(field.name(), fields.keySet()));
        }
      } else if (type.isOptional() || type.isArray()) {
        diagnostics.error(
            field.span(),
            "key field `" + field.name() + "` is " + describe(type),
            "key fields must always be present and single-valued");
      }
    }
  }

  private static String describe(BenType type) {
    return type.isArray()
        ? "an array (`" + type.spelling() + "`)"
        : "optional (`" + type.spelling() + "`)";
  }
}
