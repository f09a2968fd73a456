package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Severity;
import dev.ben.contracts.lang.Decl;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.SchemaDecl;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** State shared by the per-declaration checkers during one check of a project. */
final class CheckContext {
  final Diagnostics diagnostics;
  final SymbolTable symbols;
  final LiteralChecker literals;
  final Resources resources;
  final Severity piiSeverity;
  final Map<String, SchemaInfo> schemas = new LinkedHashMap<>();
  final Map<String, SchemaScope> scopes = new LinkedHashMap<>();
  final Map<String, ListValues> lists = new LinkedHashMap<>();
  final Map<String, Map<String, BenType>> signals = new LinkedHashMap<>();

  /** Which policies each detector or playbook depends on (a pipeline must include them). */
  final Map<Decl, Set<PolicyDecl>> policyUses = new LinkedHashMap<>();

  /** Which detectors each playbook reads (a pipeline must include them). */
  final Map<Decl, Set<Decl>> detectorUses = new LinkedHashMap<>();

  CheckContext(
      Diagnostics diagnostics, SymbolTable symbols, Resources resources, Severity piiSeverity) {
    this.diagnostics = diagnostics;
    this.symbols = symbols;
    this.literals = new LiteralChecker(diagnostics);
    this.resources = resources;
    this.piiSeverity = piiSeverity;
  }

  /** The checked schema behind a reference, or null after reporting. */
  SchemaScope scopeOf(Ident schemaRef) {
    SchemaDecl decl = symbols.resolve(SchemaDecl.class, "schema", schemaRef);
    return decl == null ? null : scopes.get(decl.name().name());
  }

  /**
   * The type of a field of a schema, or null after reporting an unknown field (with a suggestion).
   */
  BenType field(SchemaInfo schema, Ident field) {
    BenType type = schema.fields().get(field.name());
    if (type == null && !declaredButInvalid(schema, field.name())) {
      diagnostics.error(
          field.span(),
          "unknown field `" + field.name() + "` in schema `" + schema.name() + "`",
          DiagnosticRenderer.didYouMean(field.name(), schema.fields().keySet()));
    }
    return type;
  }

  /**
   * A field with an unknown type was already reported at its declaration; don't report each use
   * again.
   */
  private static boolean declaredButInvalid(SchemaInfo schema, String name) {
    return schema.decl().fields().stream().anyMatch(f -> f.name().name().equals(name));
  }

  void usesPolicy(Decl user, PolicyDecl policy) {
    policyUses.computeIfAbsent(user, key -> new LinkedHashSet<>()).add(policy);
  }

  void usesDetector(Decl user, Decl detector) {
    detectorUses.computeIfAbsent(user, key -> new LinkedHashSet<>()).add(detector);
  }
}
