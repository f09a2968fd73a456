package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/**
 * A constant written in the source. Numbers keep their text so the checker can range-check against
 * a type.
 */
public sealed interface Literal {
  Span span();

  /** The literal as it would be written back in source. */
  String source();

  /** A quoted string (decoded value). */
  record Str(String value, Span span) implements Literal {
    @Override
    public String source() {
      return Strings.quote(value);
    }
  }

  /** An integer or decimal number; {@code text} includes a leading minus sign when negative. */
  record Num(String text, boolean decimal, Span span) implements Literal {
    @Override
    public String source() {
      return text;
    }
  }

  /** A duration such as {@code 5m}. */
  record Duration(String text, Span span) implements Literal {
    @Override
    public String source() {
      return text;
    }

    public long millis() {
      return Durations.toMillis(text);
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value, Span span) implements Literal {
    @Override
    public String source() {
      return Boolean.toString(value);
    }
  }

  /** {@code null}, only meaningful in {@code == null} and {@code != null}. */
  record Null(Span span) implements Literal {
    @Override
    public String source() {
      return "null";
    }
  }

  /** A bare word in a value position, e.g. {@code on}, {@code keyed}, {@code shed_oldest}. */
  record Word(String value, Span span) implements Literal {
    @Override
    public String source() {
      return value;
    }
  }
}
