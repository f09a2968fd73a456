package dev.ben.contracts.check;

import dev.ben.contracts.lang.Ast;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a pipeline: its members exist and agree on schemas, its settings are valid, and @pii data is redacted. */
final class PipelineChecks {

  private static final Map<String, String> MEMBER_KIND =
      Map.of("schemas", "schema", "policies", "policy", "detectors", "detector", "playbooks", "playbook");
  private static final Set<String> OVERLOAD = Set.of("backpressure", "shed_oldest", "shed_newest", "sample");

  private PipelineChecks() {}

  static void check(Ast.Pipeline pipeline, CheckContext c, boolean piiIsError) {
    Set<String> schemas = new HashSet<>();
    Set<String> redacted = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (Ast.Members members : pipeline.members()) {
      String kind = MEMBER_KIND.get(members.kind().text());
      if (!seen.add(kind)) {
        c.error(members.kind().span(), "`" + members.kind().text() + "` is listed twice", "merge the lists");
      }
      for (Ast.Name ref : members.names()) {
        Optional<? extends Ast.Decl> decl = c.symbols.resolve(ref, kind, Ast.Decl.class, c.d);
        decl.filter(Ast.Schema.class::isInstance).ifPresent(s -> schemas.add(ref.text()));
        decl.filter(Ast.Policy.class::isInstance).ifPresent(p -> redacted.addAll(redactedFields(c, ref.text())));
      }
    }
    if (schemas.isEmpty()) {
      c.error(pipeline.name().span(), "pipeline `" + pipeline.name().text() + "` has no schema",
          "add `schemas [NAME]`");
    }
    for (Ast.Members members : pipeline.members()) {
      for (Ast.Name ref : members.names()) {
        schemaOf(c, members.kind().text(), ref.text()).filter(s -> !schemas.contains(s)).ifPresent(s -> c.error(
            ref.span(), "`" + ref.text() + "` works on schema `" + s + "`, which pipeline `" + pipeline.name().text()
                + "` does not list", "add `" + s + "` to its schemas"));
      }
    }
    PipelineSettings.check(pipeline, c, OVERLOAD);
    for (String schema : schemas) {
      SchemaView view = c.schemas.get(schema);
      if (view == null) {
        continue;
      }
      for (String field : view.pii()) {
        if (!redacted.contains(schema + "." + field)) {
          Ast.Name fieldName = view.schema().fields().stream().filter(f -> f.name().text().equals(field))
              .findFirst().orElseThrow().name();
          String message = "@pii field `" + field + "` of schema `" + schema + "` reaches the store of pipeline `"
              + pipeline.name().text() + "` unredacted";
          String hint = "add `redact " + field + " hash(keyed)` (or mask_suffix(4), drop, …) to a policy of the pipeline";
          if (piiIsError) {
            c.error(fieldName.span(), message, hint);
          } else {
            c.d.warning(fieldName.span(), message, hint);
          }
        }
      }
    }
  }

  private static Set<String> redactedFields(CheckContext c, String policy) {
    PolicyView view = c.policies.get(policy);
    Set<String> out = new HashSet<>();
    if (view != null) {
      view.redacted().forEach(f -> out.add(view.schema() + "." + f));
    }
    return out;
  }

  private static Optional<String> schemaOf(CheckContext c, String kind, String name) {
    return switch (kind) {
      case "policies" -> c.symbols.find("policy", name, Ast.Policy.class).map(p -> p.schema().text());
      case "detectors" -> c.symbols.find("detector", name, Ast.Detector.class).map(p -> p.schema().text());
      case "playbooks" -> c.symbols.find("playbook", name, Ast.Playbook.class).map(p -> p.schema().text());
      default -> Optional.empty();
    };
  }
}
