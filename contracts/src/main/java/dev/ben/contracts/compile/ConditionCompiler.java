package dev.ben.contracts.compile;

import dev.ben.contracts.check.Prim;
import dev.ben.contracts.check.SchemaScope;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.Pred;
import dev.ben.contracts.lang.TokenKind;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.ValueList;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles predicate expressions to model conditions. The model composes predicates by name, so an
 * inline sub-expression ({@code all(x > 1, not(y))}) becomes a helper predicate named {@code
 * <predicate>.<n>} placed just before its parent; inline value sets become lists named {@code
 * <policy>.<predicate>}.
 */
final class ConditionCompiler {
  private final PolicyDecl policy;
  private final SchemaScope scope;
  private final List<Predicate> predicates;
  private final List<ValueList> generatedLists;
  private String owner;
  private int helpers;

  ConditionCompiler(
      PolicyDecl policy,
      SchemaScope scope,
      List<Predicate> predicates,
      List<ValueList> generatedLists) {
    this.policy = policy;
    this.scope = scope;
    this.predicates = predicates;
    this.generatedLists = generatedLists;
  }

  void declare(PolicyDecl.Predicate predicate) {
    owner = predicate.name().name();
    helpers = 0;
    Pred expr = predicate.expr();
    Condition condition =
        expr instanceof Pred.Ref ref && isPredicate(ref)
            ? new Condition.AllOf(List.of(ref.name().name()))
            : condition(expr);
    predicates.add(new Predicate(owner, predicates.size(), condition));
  }

  private boolean isPredicate(Pred.Ref ref) {
    SchemaScope.Member member = scope.member(ref.name().name());
    return member != null && member.kind().equals("predicate");
  }

  /** A name for a composition argument: the predicate it names, or a new helper predicate. */
  private String operand(Pred arg) {
    if (arg instanceof Pred.Ref ref && isPredicate(ref)) {
      return ref.name().name();
    }
    Condition condition = condition(arg);
    String helper = owner + "." + (++helpers);
    predicates.add(new Predicate(helper, predicates.size(), condition));
    return helper;
  }

  private Prim prim(String field) {
    return scope.schema().fields().get(field).prim();
  }

  private Condition condition(Pred pred) {
    if (pred instanceof Pred.Compose compose) {
      List<String> names = new ArrayList<>();
      for (Pred arg : compose.args()) {
        names.add(operand(arg));
      }
      return switch (compose.op().name()) {
        case "all" -> new Condition.AllOf(names);
        case "any" -> new Condition.AnyOf(names);
        default -> new Condition.Not(names.get(0));
      };
    }
    if (pred instanceof Pred.Ref ref) {
      return new Condition.Compare(
          ref.name().name(), CompareOp.EQ, new dev.ben.contracts.model.Literal.Bool(true));
    }
    if (pred instanceof Pred.Compare compare) {
      String field = compare.field().name();
      if (compare.value() instanceof Literal.Null) {
        return compare.op() == TokenKind.EQ
            ? new Condition.IsNull(field)
            : new Condition.IsNotNull(field);
      }
      return new Condition.Compare(
          field, ModelValues.op(compare.op()), ModelValues.literal(compare.value(), prim(field)));
    }
    if (pred instanceof Pred.Between between) {
      String field = between.field().name();
      return new Condition.Between(
          field,
          ModelValues.literal(between.low(), prim(field)),
          ModelValues.literal(between.high(), prim(field)));
    }
    if (pred instanceof Pred.InList in) {
      return new Condition.InList(in.field().name(), in.list().name());
    }
    if (pred instanceof Pred.InValues in) {
      return new Condition.InList(in.field().name(), inlineList(in));
    }
    if (pred instanceof Pred.InCidr in) {
      return new Condition.InCidr(
          in.field().name(), in.blocks().stream().map(Literal.Str::value).toList());
    }
    if (pred instanceof Pred.Text text) {
      String field = text.field().name();
      String value = text.value().value();
      return switch (text.op().name()) {
        case "starts_with" -> new Condition.StartsWith(field, value);
        case "contains" -> new Condition.Contains(field, value);
        default -> new Condition.Matches(field, value);
      };
    }
    if (pred instanceof Pred.Fuzzy fuzzy) {
      return new Condition.Fuzzy(
          fuzzy.field().name(), fuzzy.list().name(), (int) ModelValues.integer(fuzzy.distance()));
    }
    Pred.Modulo modulo = (Pred.Modulo) pred;
    Condition equal =
        new Condition.Modulo(
            modulo.field().name(),
            ModelValues.integer(modulo.modulus()),
            ModelValues.integer(modulo.remainder()));
    if (modulo.op() == TokenKind.EQ) {
      return equal;
    }
    String helper = owner + "." + (++helpers);
    predicates.add(new Predicate(helper, predicates.size(), equal));
    return new Condition.Not(helper);
  }

  private String inlineList(Pred.InValues in) {
    Prim type = prim(in.field().name());
    String name = policy.name().name() + "." + owner + (helpers == 0 ? "" : "." + helpers);
    List<String> values = new ArrayList<>();
    for (Literal value : in.values()) {
      values.add(ModelValues.text(ModelValues.checked(value, type), type));
    }
    String unique = name;
    int suffix = 1;
    while (taken(unique)) {
      unique = name + "#" + (++suffix);
    }
    generatedLists.add(new ValueList(unique, ModelValues.type(type), values, ""));
    return unique;
  }

  private boolean taken(String name) {
    return generatedLists.stream().anyMatch(list -> list.name().equals(name));
  }
}
