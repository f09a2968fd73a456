package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Decl;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.lang.PlaybookDecl;
import dev.ben.contracts.lang.PolicyDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks pipelines: every member exists and works on a schema the pipeline carries, everything a
 * detector or playbook depends on is part of the pipeline, the runtime blocks are valid, and no
 * {@code @pii} field reaches the store or a detector unredacted.
 */
final class PipelineChecker {
  private final CheckContext context;
  private final Diagnostics diagnostics;

  PipelineChecker(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
  }

  void check(PipelineDecl pipeline) {
    String name = pipeline.name().name();
    if (pipeline.schemas().isEmpty()) {
      diagnostics.error(
          pipeline.name().span(),
          "pipeline `" + name + "` carries no schemas",
          "add `schemas [schema_name]`");
    }
    Map<String, SchemaScope> schemas = new LinkedHashMap<>();
    for (Ident ref : unique(pipeline.schemas(), "schema")) {
      SchemaScope scope = context.scopeOf(ref);
      if (scope != null) {
        schemas.put(scope.schema().name(), scope);
      }
    }
    Map<PolicyDecl, Ident> policies =
        members(pipeline, pipeline.policies(), PolicyDecl.class, "policy", schemas);
    Map<DetectorDecl, Ident> detectors =
        members(pipeline, pipeline.detectors(), DetectorDecl.class, "detector", schemas);
    Map<PlaybookDecl, Ident> playbooks =
        members(pipeline, pipeline.playbooks(), PlaybookDecl.class, "playbook", schemas);
    // With an unresolved member (already reported) the dependency and pii checks would only echo
    // that error.
    boolean complete =
        policies.size() == pipeline.policies().size()
            && detectors.size() == pipeline.detectors().size()
            && playbooks.size() == pipeline.playbooks().size();
    if (complete) {
      dependencies(pipeline, policies, detectors, detectors);
      dependencies(pipeline, policies, detectors, playbooks);
      new PiiCheck(context).check(pipeline, schemas, policies.keySet(), detectors.keySet());
    }
    new RuntimeSettings(context).check(pipeline, schemas);
  }

  private List<Ident> unique(List<Ident> refs, String kind) {
    List<Ident> unique = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Ident ref : refs) {
      if (seen.contains(ref.name())) {
        diagnostics.error(ref.span(), kind + " `" + ref.name() + "` is listed twice", "remove one");
      } else {
        seen.add(ref.name());
        unique.add(ref);
      }
    }
    return unique;
  }

  private <T extends Decl> Map<T, Ident> members(
      PipelineDecl pipeline,
      List<Ident> refs,
      Class<T> type,
      String kind,
      Map<String, SchemaScope> schemas) {
    Map<T, Ident> found = new LinkedHashMap<>();
    for (Ident ref : unique(refs, kind)) {
      T decl = context.symbols.resolve(type, kind, ref);
      if (decl == null) {
        continue;
      }
      Ident schema = schemaOf(decl);
      if (context.scopes.containsKey(schema.name()) && !schemas.containsKey(schema.name())) {
        diagnostics.error(
            ref.span(),
            kind
                + " `"
                + ref.name()
                + "` works on schema `"
                + schema.name()
                + "`, which pipeline `"
                + pipeline.name().name()
                + "` does not carry",
            "add `" + schema.name() + "` to its `schemas`");
      }
      found.put(decl, ref);
    }
    return found;
  }

  private static Ident schemaOf(Decl decl) {
    if (decl instanceof PolicyDecl policy) {
      return policy.schema();
    }
    if (decl instanceof DetectorDecl detector) {
      return detector.schema();
    }
    return ((PlaybookDecl) decl).schema();
  }

  /** Detectors and playbooks only see bits and values computed by members of the same pipeline. */
  private void dependencies(
      PipelineDecl pipeline,
      Map<PolicyDecl, Ident> policies,
      Map<DetectorDecl, Ident> detectors,
      Map<? extends Decl, Ident> users) {
    users.forEach(
        (user, ref) -> {
          for (PolicyDecl policy : context.policyUses.getOrDefault(user, Set.of())) {
            if (!policies.containsKey(policy)) {
              diagnostics.error(
                  ref.span(),
                  "`"
                      + ref.name()
                      + "` uses policy `"
                      + policy.name().name()
                      + "`, which pipeline `"
                      + pipeline.name().name()
                      + "` does not include",
                  "add `" + policy.name().name() + "` to its `policies`");
            }
          }
          for (Decl detector : context.detectorUses.getOrDefault(user, Set.of())) {
            if (!detectors.containsKey(detector)) {
              diagnostics.error(
                  ref.span(),
                  "`"
                      + ref.name()
                      + "` reads detector `"
                      + detector.name().name()
                      + "`, which pipeline `"
                      + pipeline.name().name()
                      + "` does not include",
                  "add `" + detector.name().name() + "` to its `detectors`");
            }
          }
        });
  }
}
