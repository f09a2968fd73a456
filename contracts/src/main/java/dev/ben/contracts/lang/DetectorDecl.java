package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;
import java.util.List;

/**
 * {@code detector NAME on SCHEMA by FIELD[, FIELD] { features }}: bounded per-key state over
 * events.
 */
public record DetectorDecl(
    Ident name, Ident schema, List<Ident> by, List<Feature> features, Span span) implements Decl {

  public DetectorDecl {
    by = List.copyOf(by);
    features = List.copyOf(features);
  }

  @Override
  public String keyword() {
    return "detector";
  }

  /** One value a detector maintains per key; {@code name()} is how playbooks refer to it. */
  public sealed interface Feature {
    Span span();

    /** The declared ({@code as N}) or default name. */
    String name();

    /** Where to point diagnostics about the name. */
    Span nameSpan();
  }

  /**
   * {@code count over D as N [where P]}, {@code sum|avg|min|max|distinct FIELD over D as N [where
   * P]}. {@code field} is null for count.
   */
  public record Window(
      Ident kind, Ident field, Literal.Duration window, Ident as, QualifiedName where, Span span)
      implements Feature {
    @Override
    public String name() {
      return as.name();
    }

    @Override
    public Span nameSpan() {
      return as.span();
    }
  }

  /** {@code ttl_counter N ttl D incr on RULE}. */
  public record TtlCounter(Ident counter, Literal.Duration ttl, Ident rule, Span span)
      implements Feature {
    @Override
    public String name() {
      return counter.name();
    }

    @Override
    public Span nameSpan() {
      return counter.span();
    }
  }

  /** {@code ewma FIELD alpha A [as N]}; default name {@code FIELD_ewma}. */
  public record Ewma(Ident field, Literal.Num alpha, Ident as, Span span) implements Feature {
    @Override
    public String name() {
      return as != null ? as.name() : field.name() + "_ewma";
    }

    @Override
    public Span nameSpan() {
      return as != null ? as.span() : field.span();
    }
  }

  /** {@code cusum FIELD k K h H [as N]}; default name {@code FIELD_cusum}. */
  public record Cusum(Ident field, Literal.Num k, Literal.Num h, Ident as, Span span)
      implements Feature {
    @Override
    public String name() {
      return as != null ? as.name() : field.name() + "_cusum";
    }

    @Override
    public Span nameSpan() {
      return as != null ? as.span() : field.span();
    }
  }

  /**
   * {@code anomaly N on FIELD [window W]}: a model-based univariate scorer over the last W
   * observations.
   */
  public record Anomaly(Ident scorer, Ident field, Literal.Num window, Span span)
      implements Feature {
    @Override
    public String name() {
      return scorer.name();
    }

    @Override
    public Span nameSpan() {
      return scorer.span();
    }
  }
}
