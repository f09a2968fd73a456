package dev.ben.contracts.check;

import dev.ben.contracts.lang.SchemaDecl;
import java.util.List;
import java.util.Map;

/**
 * A checked schema: its declaration and the resolved type of every valid field, in declaration
 * order.
 */
public record SchemaInfo(SchemaDecl decl, Map<String, BenType> fields) {

  public SchemaInfo {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  public String name() {
    return decl.name().name();
  }

  /** The version number of {@code vN}. */
  public int version() {
    return Integer.parseInt(decl.version().name().substring(1));
  }

  /** The table name, or null when the schema declares none (an error reported by the checker). */
  public String table() {
    return decl.table() == null ? null : decl.table().name();
  }

  public List<String> key() {
    return decl.key() == null ? List.of() : decl.key().stream().map(ident -> ident.name()).toList();
  }

  public List<String> orderBy() {
    return decl.orderBy().stream().map(ident -> ident.name()).toList();
  }

  public boolean isPii(String field) {
    return decl.fields().stream().anyMatch(f -> f.pii() && f.name().name().equals(field));
  }
}
