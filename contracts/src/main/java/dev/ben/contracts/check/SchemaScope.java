package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.PolicyDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names that policies and detectors define over one schema. Predicates, thresholds, facts and rules
 * share one namespace per schema, because detectors and playbooks refer to them by bare name across
 * policies.
 */
public final class SchemaScope {
  private final SchemaInfo schema;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Map<String, Redaction> redactions = new LinkedHashMap<>();
  private final Map<String, DetectorDecl> detectors = new LinkedHashMap<>();

  /** A named item of a policy: {@code kind} is predicate, threshold, fact or rule. */
  public record Member(String kind, PolicyDecl policy, PolicyDecl.Item item) {}

  /** A redaction with the policy that declares it. */
  public record Redaction(PolicyDecl policy, PolicyDecl.Redact redact) {}

  SchemaScope(SchemaInfo schema) {
    this.schema = schema;
  }

  public SchemaInfo schema() {
    return schema;
  }

  void declare(
      String kind, Ident name, PolicyDecl policy, PolicyDecl.Item item, Diagnostics diagnostics) {
    Member first = members.putIfAbsent(name.name(), new Member(kind, policy, item));
    if (first != null) {
      diagnostics.error(
          name.span(),
          "duplicate name `"
              + name.name()
              + "`: a "
              + first.kind()
              + " of policy `"
              + first.policy().name().name()
              + "` on schema `"
              + schema.name()
              + "` already uses it",
          "predicates, thresholds, facts and rules on one schema need distinct names; the first is at "
              + first.item().span());
    }
  }

  void redact(PolicyDecl policy, PolicyDecl.Redact redact, Diagnostics diagnostics) {
    Redaction first = redactions.putIfAbsent(redact.field().name(), new Redaction(policy, redact));
    if (first != null) {
      diagnostics.error(
          redact.field().span(),
          "field `"
              + redact.field().name()
              + "` is already redacted by "
              + "policy `"
              + first.policy().name().name()
              + "`",
          "keep one redaction per field; the first is at " + first.redact().span());
    }
  }

  void addDetector(DetectorDecl detector) {
    detectors.putIfAbsent(detector.name().name(), detector);
  }

  public Member member(String name) {
    return members.get(name);
  }

  /** Names of members of the given kinds (for suggestions). */
  public List<String> names(List<String> kinds) {
    List<String> names = new ArrayList<>();
    members.forEach(
        (name, member) -> {
          if (kinds.contains(member.kind())) {
            names.add(name);
          }
        });
    return names;
  }

  public Redaction redaction(String field) {
    return redactions.get(field);
  }

  public DetectorDecl detector(String name) {
    return detectors.get(name);
  }

  public List<String> detectorNames() {
    return List.copyOf(detectors.keySet());
  }
}
