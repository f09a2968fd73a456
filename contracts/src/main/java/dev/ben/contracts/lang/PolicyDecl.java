package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/** {@code policy NAME on SCHEMA { predicate ..; threshold ..; rule ..; redact .. }}. */
public record PolicyDecl(Ident name, Ident schema, List<Item> items, Span span) implements Decl {

  public PolicyDecl {
    items = List.copyOf(items);
  }

  @Override
  public String keyword() {
    return "policy";
  }

  /** One statement of a policy body. */
  public sealed interface Item {
    Span span();
  }

  /** {@code predicate NAME = expr}. */
  public record Predicate(Ident name, Pred expr, Span span) implements Item {}

  /** {@code threshold NAME on FIELD gte { L1 = v1, .. } fact FACT}. */
  public record Threshold(
      Ident name, Ident field, Ident direction, List<Level> levels, Ident fact, Span span)
      implements Item {
    public Threshold {
      levels = List.copyOf(levels);
    }
  }

  /** One named level of a threshold. */
  public record Level(Ident name, Literal value) {}

  /**
   * {@code rule NAME = all(..) any(..) none(..) => action [priority N]}. A rule whose body failed
   * to parse has a null action (and an error was reported).
   */
  public record Rule(
      Ident name, List<Clause> clauses, Action action, Literal.Num priority, Span span)
      implements Item {
    public Rule {
      clauses = List.copyOf(clauses);
    }
  }

  /**
   * {@code all(a, b)}, {@code any(..)} or {@code none(..)} over predicates and threshold levels.
   */
  public record Clause(Ident kind, List<QualifiedName> refs, Span span) {
    public Clause {
      refs = List.copyOf(refs);
    }
  }

  /** {@code flag}, {@code route lucius}, {@code sample(N)} or {@code drop_with_reason "why"}. */
  public record Action(Ident kind, Literal argument, Span span) {}

  /** {@code redact FIELD op[(arg)]}. */
  public record Redact(Ident field, Ident op, Literal argument, Span span) implements Item {}
}
