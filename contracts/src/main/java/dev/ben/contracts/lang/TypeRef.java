package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/** A type as written: a named scalar, {@code T?} or {@code [T]}. */
public sealed interface TypeRef {
  Span span();

  /** The type as it would be written back in source. */
  String source();

  /** A scalar type name such as {@code u32} (validated by the checker). */
  record Named(Ident name) implements TypeRef {
    @Override
    public Span span() {
      return name.span();
    }

    @Override
    public String source() {
      return name.name();
    }
  }

  /** {@code T?}: the field may be absent or null. */
  record Optional(TypeRef inner, Span span) implements TypeRef {
    @Override
    public String source() {
      return inner.source() + "?";
    }
  }

  /** {@code [T]}: an array of T. */
  record Array(TypeRef element, Span span) implements TypeRef {
    @Override
    public String source() {
      return "[" + element.source() + "]";
    }
  }
}
