package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.QualifiedName;
import java.util.List;

/**
 * Resolves references to evaluation bits: predicates ({@code name}), threshold levels ({@code
 * threshold.LEVEL}) and, where allowed, rules. Used by rules (own policy only) and detector {@code
 * where} clauses (any policy on the schema).
 */
final class BitReferences {
  private final Diagnostics diagnostics;
  private final SchemaScope scope;

  BitReferences(CheckContext context, SchemaScope scope) {
    this.diagnostics = context.diagnostics;
    this.scope = scope;
  }

  /**
   * Resolves a rule clause reference; {@code policy} restricts it to that policy's predicates and
   * levels. Returns the member, or null after reporting.
   */
  SchemaScope.Member resolve(QualifiedName ref, PolicyDecl policy, String ruleName) {
    Ident first = ref.first();
    SchemaScope.Member member = scope.member(first.name());
    if (member == null) {
      List<String> candidates = scope.names(List.of("predicate", "threshold"));
      diagnostics.error(
          first.span(),
          "unknown predicate `" + first.name() + "` in rule `" + ruleName + "`",
          DiagnosticRenderer.didYouMean(first.name(), candidates));
      return null;
    }
    if (policy != null && member.policy() != policy) {
      diagnostics.error(
          first.span(),
          member.kind()
              + " `"
              + first.name()
              + "` belongs to policy `"
              + member.policy().name().name()
              + "`; a rule can use only its own policy's predicates and levels",
          "move the rule into policy `"
              + member.policy().name().name()
              + "` or copy the predicate");
      return null;
    }
    return checkShape(ref, member, false);
  }

  private SchemaScope.Member checkShape(
      QualifiedName ref, SchemaScope.Member member, boolean allowRules) {
    Ident first = ref.first();
    boolean isThreshold = member.kind().equals("threshold");
    if (isThreshold && ref.parts().size() != 2) {
      PolicyDecl.Threshold threshold = (PolicyDecl.Threshold) member.item();
      diagnostics.error(
          ref.span(),
          "`" + first.name() + "` is a threshold; name one of its levels",
          "e.g. `" + first.name() + "." + threshold.levels().get(0).name().name() + "`");
      return null;
    }
    if (!isThreshold && ref.parts().size() != 1) {
      diagnostics.error(
          ref.span(),
          "`"
              + ref.source()
              + "` is not a threshold level: `"
              + first.name()
              + "` is a "
              + member.kind());
      return null;
    }
    if (isThreshold) {
      return checkLevel(ref, member);
    }
    boolean allowed =
        member.kind().equals("predicate") || (allowRules && member.kind().equals("rule"));
    if (!allowed) {
      diagnostics.error(
          first.span(),
          "`"
              + first.name()
              + "` is a "
              + member.kind()
              + ", not a predicate"
              + (allowRules ? ", rule" : "")
              + " or threshold level",
          member.kind().equals("fact")
              ? "facts hold a level name; refer to a level as `threshold.LEVEL`"
              : "only predicates and threshold levels are bits that can be tested here");
      return null;
    }
    return member;
  }

  private SchemaScope.Member checkLevel(QualifiedName ref, SchemaScope.Member member) {
    PolicyDecl.Threshold threshold = (PolicyDecl.Threshold) member.item();
    Ident level = ref.parts().get(1);
    List<String> levels = threshold.levels().stream().map(l -> l.name().name()).toList();
    if (!levels.contains(level.name())) {
      diagnostics.error(
          level.span(),
          "threshold `" + threshold.name().name() + "` has no level `" + level.name() + "`",
          DiagnosticRenderer.didYouMean(level.name(), levels).length > 0
              ? DiagnosticRenderer.didYouMean(level.name(), levels)
              : new String[] {"its levels are " + String.join(", ", levels)});
      return null;
    }
    return member;
  }

  /**
   * Resolves a reference from outside policies (detector {@code where}, playbook conditions): any
   * predicate or threshold level of a policy on the schema, and rules where {@code allowRules}.
   */
  SchemaScope.Member resolveCondition(QualifiedName ref, String user, boolean allowRules) {
    Ident first = ref.first();
    SchemaScope.Member member = scope.member(first.name());
    if (member == null) {
      List<String> kinds =
          allowRules
              ? List.of("predicate", "rule", "threshold")
              : List.of("predicate", "threshold");
      diagnostics.error(
          first.span(),
          "unknown "
              + (allowRules ? "predicate or rule" : "predicate")
              + " `"
              + first.name()
              + "` in "
              + user
              + "; it must be declared in a policy on schema `"
              + scope.schema().name()
              + "`",
          DiagnosticRenderer.didYouMean(first.name(), scope.names(kinds)));
      return null;
    }
    return checkShape(ref, member, allowRules);
  }
}
