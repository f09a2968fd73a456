package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/** A predicate expression: a test of one event field, or a composition of other predicates. */
public sealed interface Pred {
  Span span();

  /**
   * An expression that failed to parse (an error was reported); keeps the predicate's name
   * declared.
   */
  record Invalid(Span span) implements Pred {}

  /** A bare name: another predicate (or a bool field). */
  record Ref(Ident name) implements Pred {
    @Override
    public Span span() {
      return name.span();
    }
  }

  /** {@code field OP value} with OP one of == != < <= > >= (including {@code == null}). */
  record Compare(Ident field, TokenKind op, Literal value, Span span) implements Pred {}

  /** {@code field between low and high} (inclusive). */
  record Between(Ident field, Literal low, Literal high, Span span) implements Pred {}

  /** {@code field in LIST}. */
  record InList(Ident field, Ident list, Span span) implements Pred {}

  /** {@code field in [v1, v2]}. */
  record InValues(Ident field, List<Literal> values, Span span) implements Pred {
    public InValues {
      values = List.copyOf(values);
    }
  }

  /** {@code field in cidr("10.0.0.0/8", ...)}. */
  record InCidr(Ident field, List<Literal.Str> blocks, Span span) implements Pred {
    public InCidr {
      blocks = List.copyOf(blocks);
    }
  }

  /** {@code field starts_with "x"}, {@code contains "x"} or {@code matches "regex"}. */
  record Text(Ident field, Ident op, Literal.Str value, Span span) implements Pred {}

  /** {@code field ~ LIST within N}: edit distance at most N to some list entry. */
  record Fuzzy(Ident field, Ident list, Literal.Num distance, Span span) implements Pred {}

  /** {@code field % modulus == remainder} (or {@code !=}). */
  record Modulo(Ident field, Literal.Num modulus, TokenKind op, Literal.Num remainder, Span span)
      implements Pred {}

  /** {@code all(p, q)}, {@code any(p, q)} or {@code not(p)}. */
  record Compose(Ident op, List<Pred> args, Span span) implements Pred {
    public Compose {
      args = List.copyOf(args);
    }
  }
}
