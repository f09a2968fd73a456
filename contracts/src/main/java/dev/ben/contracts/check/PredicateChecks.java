package dev.ben.contracts.check;

import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Type checks of one predicate body against its schema. */
final class PredicateChecks {

  private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");

  private final CheckContext c;
  private final SchemaView schema;
  private final Map<String, Ast.PredicateDecl> predicates;

  PredicateChecks(CheckContext c, SchemaView schema, Map<String, Ast.PredicateDecl> predicates) {
    this.c = c;
    this.schema = schema;
    this.predicates = predicates;
  }

  void check(Ast.Predicate body) {
    if (body instanceof Ast.Compare p) {
      field(p.field()).ifPresent(t -> compare(p, t));
    } else if (body instanceof Ast.Between p) {
      field(p.field()).ifPresent(t -> between(p, t));
    } else if (body instanceof Ast.InList p) {
      field(p.field()).ifPresent(t -> list(p.list(), t, "in"));
    } else if (body instanceof Ast.InValues p) {
      field(p.field()).ifPresent(t -> p.values().forEach(v -> literal(v, t, p.field())));
    } else if (body instanceof Ast.InCidr p) {
      field(p.field()).ifPresent(t -> cidr(p, t));
    } else if (body instanceof Ast.TextTest p) {
      field(p.field()).ifPresent(t -> text(p, t));
    } else if (body instanceof Ast.Fuzzy p) {
      field(p.field()).ifPresent(t -> fuzzy(p, t));
    } else if (body instanceof Ast.Modulo p) {
      field(p.field()).ifPresent(t -> modulo(p, t));
    } else if (body instanceof Ast.Compose p) {
      compose(p);
    }
  }

  private Optional<FieldType> field(Ast.Name ref) {
    return schema.field(ref, c.d).map(t -> {
      if (t.array()) {
        c.error(ref.span(), "field `" + ref.text() + "` is an array; predicates test single values", null);
        return null;
      }
      return t.scalar();
    });
  }

  private void compare(Ast.Compare p, FieldType type) {
    if (ORDERING.contains(p.op().text()) && !type.numeric()) {
      c.error(p.op().span(), "`" + p.op().text() + "` needs a number but `" + p.field().text() + "` is "
          + type.keyword(), "compare strings with ==, !=, in, starts_with, contains or matches");
      return;
    }
    if (p.value().kind() == Ast.Literal.Kind.NULL && ORDERING.contains(p.op().text())) {
      c.error(p.value().span(), "`null` can only be tested with == or !=", null);
      return;
    }
    literal(p.value(), type, p.field());
  }

  private void between(Ast.Between p, FieldType type) {
    if (!type.numeric()) {
      c.error(p.field().span(), "`between` needs a number but `" + p.field().text() + "` is " + type.keyword(), null);
      return;
    }
    literal(p.low(), type, p.field());
    literal(p.high(), type, p.field());
    Optional<Double> low = c.number(p.low(), "the lower bound");
    Optional<Double> high = c.number(p.high(), "the upper bound");
    if (low.isPresent() && high.isPresent() && low.get() > high.get()) {
      c.error(p.low().span().to(p.high().span()), "the lower bound " + p.low().text() + " is above the upper bound "
          + p.high().text(), "write `between " + p.high().text() + " and " + p.low().text() + "`");
    }
  }

  private void literal(Ast.Literal value, FieldType type, Ast.Name field) {
    if (!type.accepts(value.kind())) {
      c.error(value.span(), "`" + value.span().text() + "` is not a " + type.keyword() + " value",
          "`" + field.text() + "` is " + type.keyword());
    }
  }

  private void list(Ast.Name ref, FieldType type, String op) {
    FieldType element = c.lists.get(ref.text());
    if (element == null) {
      c.error(ref.span(), "unknown list `" + ref.text() + "`", Suggestions.didYouMean(ref.text(), c.lists.keySet()));
    } else if (element != type && !(element.integer() && type.integer()) && !(element.textual() && type.textual())) {
      c.error(ref.span(), "list `" + ref.text() + "` holds " + element.keyword() + " values, which `" + op
          + "` cannot compare with " + type.keyword(), null);
    }
  }

  private void cidr(Ast.InCidr p, FieldType type) {
    if (!type.ip()) {
      c.error(p.field().span(), "`in cidr(…)` needs an ipv4 or ipv6 field but `" + p.field().text() + "` is "
          + type.keyword(), null);
      return;
    }
    Optional<String> problem = Cidrs.problem(p.cidr().text(), type);
    problem.ifPresent(why -> c.error(p.cidr().span(), "invalid CIDR block \"" + p.cidr().text() + "\": " + why,
        type == FieldType.IPV4 ? "write an IPv4 block such as \"10.0.0.0/8\"" : "write an IPv6 block such as \"fd00::/8\""));
  }

  private void text(Ast.TextTest p, FieldType type) {
    if (type != FieldType.STRING) {
      c.error(p.op().span(), "`" + p.op().text() + "` needs a string but `" + p.field().text() + "` is "
          + type.keyword(), null);
      return;
    }
    if (p.op().text().equals("matches")) {
      try {
        Pattern.compile(p.value().text());
      } catch (PatternSyntaxException e) {
        c.error(p.value().span(), "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex(),
            "the regex uses Java syntax; escape special characters with a backslash");
      }
    }
  }

  private void fuzzy(Ast.Fuzzy p, FieldType type) {
    if (type != FieldType.STRING) {
      c.error(p.field().span(), "fuzzy `~` needs a string but `" + p.field().text() + "` is " + type.keyword(), null);
      return;
    }
    list(p.list(), type, "~");
    c.intIn(p.distance(), 0, 5, "the edit distance");
  }

  private void modulo(Ast.Modulo p, FieldType type) {
    if (!type.integer()) {
      c.error(p.field().span(), "`%` needs an integer but `" + p.field().text() + "` is " + type.keyword(), null);
      return;
    }
    long divisor = c.intIn(p.divisor(), 1, Long.MAX_VALUE, "the divisor");
    c.intIn(p.remainder(), 0, Math.max(0, divisor - 1), "the remainder");
  }

  private void compose(Ast.Compose p) {
    if (p.op().text().equals("not") && p.refs().size() != 1) {
      c.error(p.op().span(), "`not` takes exactly one predicate, got " + p.refs().size(), "write `not(p)`");
    }
    for (Ast.Name ref : p.refs()) {
      if (!predicates.containsKey(ref.text())) {
        c.error(ref.span(), "unknown predicate `" + ref.text() + "`",
            Suggestions.didYouMean(ref.text(), predicates.keySet()));
      }
    }
  }
}
