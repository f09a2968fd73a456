package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/**
 * {@code list NAME: TYPE = [literals]} or {@code = file("path")}: exactly one of {@code values} and
 * {@code file} is non-null.
 */
public record ListDecl(Ident name, TypeRef type, List<Literal> values, Literal.Str file, Span span)
    implements Decl {

  public ListDecl {
    values = values == null ? null : List.copyOf(values);
  }

  @Override
  public String keyword() {
    return "list";
  }
}
