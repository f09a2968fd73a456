package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/**
 * {@code schema NAME vN { table T key [..] order_by [..] fields { .. } }}. Missing clauses are null
 * (or empty) here and reported by the checker, which knows what each one is for.
 */
public record SchemaDecl(
    Ident name,
    Ident version,
    Ident table,
    List<Ident> key,
    Span keySpan,
    List<Ident> orderBy,
    List<FieldDecl> fields,
    Span span)
    implements Decl {

  public SchemaDecl {
    key = key == null ? null : List.copyOf(key);
    orderBy = List.copyOf(orderBy);
    fields = List.copyOf(fields);
  }

  @Override
  public String keyword() {
    return "schema";
  }

  /** A field (or signal argument): {@code name: type [@pii]}. */
  public record FieldDecl(Ident name, TypeRef type, boolean pii, Span span) {}
}
