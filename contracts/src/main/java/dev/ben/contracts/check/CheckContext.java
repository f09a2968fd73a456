package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Span;
import dev.ben.contracts.lang.Ast;
import dev.ben.contracts.lang.Durations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the checks of one project share: diagnostics, declarations and the views built so far. */
final class CheckContext {

  final Diagnostics d;
  final Symbols symbols;
  final Map<String, SchemaView> schemas = new LinkedHashMap<>();
  final Map<String, FieldType> lists = new LinkedHashMap<>();
  final Map<String, PolicyView> policies = new LinkedHashMap<>();

  CheckContext(Diagnostics d, Symbols symbols) {
    this.d = d;
    this.symbols = symbols;
  }

  Optional<SchemaView> schema(Ast.Name ref) {
    return symbols.resolve(ref, "schema", Ast.Schema.class, d).map(s -> schemas.get(s.name().text()));
  }

  /** Policies on a schema: where the predicates and rules detectors and playbooks refer to live. */
  List<PolicyView> policiesOn(String schema) {
    return policies.values().stream().filter(p -> p.schema().equals(schema)).toList();
  }

  /** A positive duration literal in milliseconds, or an error. */
  long positiveDuration(Ast.Literal literal, String what) {
    long millis = Durations.millis(literal.text());
    if (millis <= 0) {
      d.error(literal.span(), what + " must be longer than zero", null);
    }
    return millis;
  }

  /** An integer literal within bounds, or an error naming them. */
  long intIn(Ast.Literal literal, long min, long max, String what) {
    long value;
    try {
      value = Long.parseLong(literal.text());
    } catch (NumberFormatException e) {
      d.error(literal.span(), what + " must be a whole number from " + min + " to " + max, null);
      return min;
    }
    if (value < min || value > max) {
      d.error(literal.span(), what + " must be from " + min + " to " + max + ", got " + value, null);
    }
    return value;
  }

  /** A number literal (integer or decimal) as a double, or an error. */
  Optional<Double> number(Ast.Literal literal, String what) {
    if (literal.kind() != Ast.Literal.Kind.INT && literal.kind() != Ast.Literal.Kind.FLOAT) {
      d.error(literal.span(), what + " must be a number, got `" + literal.span().text() + "`", null);
      return Optional.empty();
    }
    return Optional.of(Double.parseDouble(literal.text()));
  }

  void error(Span span, String message, String hint) {
    d.error(span, message, hint);
  }
}
