package dev.ben.contracts.lang;

import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import java.util.List;
import java.util.Optional;

/** The syntax tree of Ben contracts, as written (names unresolved, types unchecked). */
public final class Ast {

  private Ast() {}

  /** A name as written, with where. */
  public record Name(String text, Span span) {}

  /** A literal value; WORD is a bare identifier used as a value (e.g. `overload shed_oldest`). */
  public record Literal(Kind kind, String text, Span span) {
    public enum Kind { STRING, INT, FLOAT, DURATION, BOOL, NULL, WORD }
  }

  /** One parsed file. */
  public record Unit(SourceFile file, List<Import> imports, List<Decl> decls) {}

  public record Import(String path, Span span) {}

  /** `T`, `T?`, `[T]`, `[T]?`. */
  public record TypeRef(Name base, boolean array, boolean optional, Span span) {}

  /** A top-level declaration. */
  public sealed interface Decl permits Schema, ValueList, Policy, Detector, Signal, Playbook, Pipeline {
    Name name();

    /** The declaration kind as a user writes it: schema, list, policy, … */
    String kind();
  }

  public record Field(Name name, TypeRef type, List<Name> annotations) {}

  public record Schema(Name name, Name version, Optional<Name> table, Optional<List<Name>> key,
      List<Name> orderBy, List<Field> fields) implements Decl {
    public String kind() {
      return "schema";
    }
  }

  public record ValueList(Name name, TypeRef type, List<Literal> items, Optional<Literal> file) implements Decl {
    public String kind() {
      return "list";
    }
  }

  /** The body of a predicate. */
  public sealed interface Predicate permits Compare, Between, InList, InValues, InCidr, TextTest, Fuzzy, Modulo,
      Compose {}

  public record Compare(Name field, Name op, Literal value) implements Predicate {}

  public record Between(Name field, Literal low, Literal high) implements Predicate {}

  public record InList(Name field, Name list) implements Predicate {}

  public record InValues(Name field, List<Literal> values) implements Predicate {}

  public record InCidr(Name field, Literal cidr) implements Predicate {}

  /** starts_with, contains or matches. */
  public record TextTest(Name field, Name op, Literal value) implements Predicate {}

  public record Fuzzy(Name field, Name list, Literal distance) implements Predicate {}

  public record Modulo(Name field, Literal divisor, Literal remainder) implements Predicate {}

  /** all(p, q), any(p, q) or not(p) over other predicates. */
  public record Compose(Name op, List<Name> refs) implements Predicate {}

  public record PredicateDecl(Name name, Predicate body) {}

  public record Level(Name name, Literal value) {}

  public record Threshold(Name name, Name field, Name comparison, List<Level> levels, Name fact) {}

  /** all(...), any(...) or none(...) in a rule. */
  public record Clause(Name kind, List<Name> refs) {}

  /** flag, route lucius, sample(n), drop_with_reason "why". */
  public record Action(Name kind, Optional<Literal> argument) {}

  public record Rule(Name name, List<Clause> clauses, Action action, Optional<Literal> priority) {}

  public record Redaction(Name field, Name op, Optional<Literal> argument) {}

  public record Policy(Name name, Name schema, List<PredicateDecl> predicates, List<Threshold> thresholds,
      List<Rule> rules, List<Redaction> redactions) implements Decl {
    public String kind() {
      return "policy";
    }
  }

  /** One detector feature; which parts are present depends on the kind (count, sum, ttl_counter, ewma, …). */
  public record Feature(Name kind, Optional<Name> field, Optional<Literal> over, Optional<Name> alias,
      Optional<Name> where, Optional<Literal> ttl, Optional<Name> incrOn, Optional<Literal> alpha,
      Optional<Literal> k, Optional<Literal> h, Optional<Literal> window) {

    /** The name playbooks refer to: the alias, or kind_field (ewma_attempts). */
    public String featureName() {
      return alias.map(Name::text).orElseGet(() -> kind.text() + field.map(f -> "_" + f.text()).orElse(""));
    }
  }

  public record Detector(Name name, Name schema, List<Name> by, List<Feature> features) implements Decl {
    public String kind() {
      return "detector";
    }
  }

  public record SignalArg(Name name, TypeRef type) {}

  public record Signal(Name name, List<SignalArg> args) implements Decl {
    public String kind() {
      return "signal";
    }
  }

  /** A playbook condition. */
  public sealed interface Condition permits And, Or, Not, Comparison, Truth {}

  public record And(Condition left, Condition right) implements Condition {}

  public record Or(Condition left, Condition right) implements Condition {}

  public record Not(Condition inner, Span span) implements Condition {}

  public record Comparison(Operand left, Name op, Operand right) implements Condition {}

  /** A bare reference: a rule that fired, or a boolean field. */
  public record Truth(Operand operand) implements Condition {}

  /** A value in a condition or an emit: a reference (`user`, `login_rate.fails`) or a literal. */
  public sealed interface Operand permits Ref, Lit {}

  public record Ref(Name first, Optional<Name> member) implements Operand {
    public Span span() {
      return member.map(m -> first.span().to(m.span())).orElse(first.span());
    }
  }

  public record Lit(Literal literal) implements Operand {}

  public record EmitArg(Name name, Operand value) {}

  /** at_most N per D, or cooldown D [per field]. */
  public record Bound(Name kind, Literal amount, Optional<Literal> per, Optional<Name> scope) {}

  public record Playbook(Name name, Name schema, Optional<Condition> when, Optional<Name> emit, List<EmitArg> args,
      List<Bound> bounds, Optional<Literal> explain) implements Decl {
    public String kind() {
      return "playbook";
    }
  }

  public record Setting(Name key, Optional<Literal> value) {}

  public record Members(Name kind, List<Name> names) {}

  public record Pipeline(Name name, List<Members> members, List<Setting> sidecar, List<Setting> proxy,
      Optional<Literal> spines, List<Setting> store) implements Decl {
    public String kind() {
      return "pipeline";
    }
  }
}
