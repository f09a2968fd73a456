package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A checked schema: its fields with resolved types and which are @pii, for the checks of what uses it. */
public final class SchemaView {

  private final Ast.Schema schema;
  private final Map<String, FieldType.Resolved> types = new LinkedHashMap<>();
  private final Set<String> pii = new TreeSet<>();
  private final Set<String> declared = new TreeSet<>();

  SchemaView(Ast.Schema schema) {
    this.schema = schema;
  }

  /** A field exists even when its type could not be resolved, so uses of it report nothing more. */
  void declare(String field) {
    declared.add(field);
  }

  void add(String field, FieldType.Resolved type, boolean isPii) {
    types.put(field, type);
    if (isPii) {
      pii.add(field);
    }
  }

  public Ast.Schema schema() {
    return schema;
  }

  public String name() {
    return schema.name().text();
  }

  public Map<String, FieldType.Resolved> types() {
    return types;
  }

  public Set<String> pii() {
    return pii;
  }

  /** The field's type, or an `unknown field` error with a suggestion. */
  Optional<FieldType.Resolved> field(Ast.Name ref, Diagnostics diagnostics) {
    FieldType.Resolved type = types.get(ref.text());
    if (type == null && !declared.contains(ref.text())) {
      diagnostics.error(ref.span(), "unknown field `" + ref.text() + "` in schema `" + name() + "`",
          Suggestions.didYouMean(ref.text(), types.keySet()));
    }
    return Optional.ofNullable(type);
  }
}
