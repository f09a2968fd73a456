package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/**
 * {@code playbook NAME on SCHEMA { when COND; emit SIGNAL(..); bound ..; explain ".." }}. Missing
 * parts are null and reported by the checker.
 */
public record PlaybookDecl(
    Ident name, Ident schema, Expr when, Emit emit, Bound bound, Literal.Str explain, Span span)
    implements Decl {

  @Override
  public String keyword() {
    return "playbook";
  }

  /** {@code emit SIGNAL(arg = expr, ..)}. */
  public record Emit(Ident signal, List<Arg> args, Span span) {
    public Emit {
      args = List.copyOf(args);
    }
  }

  /** One named signal argument. */
  public record Arg(Ident name, Expr value) {}

  /** {@code bound at_most N per D[, cooldown D per FIELD]}. */
  public record Bound(
      Literal.Num atMost,
      Literal.Duration per,
      Literal.Duration cooldown,
      Ident cooldownField,
      Span span) {}
}
