package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/** A playbook expression: conditions ({@code when}) and signal arguments ({@code emit}). */
public sealed interface Expr {
  Span span();

  /**
   * An expression that failed to parse (an error was reported); keeps the clause present for the
   * checker.
   */
  record Invalid(Span span) implements Expr {}

  /** {@code a and b}, {@code a or b}. */
  record Logical(String op, Expr left, Expr right, Span span) implements Expr {}

  /** {@code not a}. */
  record Not(Expr operand, Span span) implements Expr {}

  /** {@code a OP b} with a comparison operator. */
  record Compare(Expr left, TokenKind op, Expr right, Span span) implements Expr {}

  /** A rule, predicate, fact, field or {@code detector.value}. */
  record Name(QualifiedName name) implements Expr {
    @Override
    public Span span() {
      return name.span();
    }
  }

  /** A constant. */
  record Constant(Literal value) implements Expr {
    @Override
    public Span span() {
      return value.span();
    }
  }

  /** {@code ( expr )}, kept so the formatter can write back what the author grouped. */
  record Group(Expr inner, Span span) implements Expr {}
}
