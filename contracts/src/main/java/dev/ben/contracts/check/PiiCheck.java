package dev.ben.contracts.check;

import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.SchemaDecl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reports {@code @pii} fields that would reach a pipeline's store or one of its detectors without
 * being redacted by one of the pipeline's policies. A warning by default; {@code pii = "error"} in
 * ben.project makes it an error.
 */
final class PiiCheck {
  private final CheckContext context;

  PiiCheck(CheckContext context) {
    this.context = context;
  }

  void check(
      PipelineDecl pipeline,
      Map<String, SchemaScope> schemas,
      Collection<PolicyDecl> policies,
      Collection<DetectorDecl> detectors) {
    storedSchema(pipeline, schemas)
        .ifPresent(
            stored -> {
              for (SchemaDecl.FieldDecl field : stored.schema().decl().fields()) {
                if (field.pii() && !redacted(stored, field.name().name(), policies)) {
                  Literal table = tableSetting(pipeline);
                  context.diagnostics.report(
                      context.piiSeverity,
                      table.span(),
                      "@pii field `"
                          + field.name().name()
                          + "` of schema `"
                          + stored.schema().name()
                          + "` reaches the store of pipeline `"
                          + pipeline.name().name()
                          + "` without a `redact`",
                      "add `redact "
                          + field.name().name()
                          + " hash(keyed)` (or another redaction) to a policy on `"
                          + stored.schema().name()
                          + "` in this pipeline");
                }
              }
            });
    for (DetectorDecl detector : detectors) {
      SchemaScope scope = schemas.get(detector.schema().name());
      if (scope == null) {
        continue;
      }
      for (Ident field : fieldsRead(detector)) {
        if (scope.schema().isPii(field.name()) && !redacted(scope, field.name(), policies)) {
          context.diagnostics.report(
              context.piiSeverity,
              field.span(),
              "@pii field `"
                  + field.name()
                  + "` reaches detector `"
                  + detector.name().name()
                  + "` in pipeline `"
                  + pipeline.name().name()
                  + "` without a `redact`",
              "redact it in a policy of the pipeline (e.g. `redact "
                  + field.name()
                  + " hash(keyed)`) or use another field");
        }
      }
    }
  }

  private static java.util.Optional<SchemaScope> storedSchema(
      PipelineDecl pipeline, Map<String, SchemaScope> schemas) {
    Literal table = tableSetting(pipeline);
    if (table == null) {
      return java.util.Optional.empty();
    }
    String name =
        table instanceof Literal.Word word
            ? word.value()
            : table instanceof Literal.Str str ? str.value() : "";
    return schemas.values().stream()
        .filter(
            scope -> scope.schema().decl().table() != null && scope.schema().table().equals(name))
        .findFirst();
  }

  private static Literal tableSetting(PipelineDecl pipeline) {
    if (pipeline.store() == null) {
      return null;
    }
    for (PipelineDecl.Setting setting : pipeline.store()) {
      if (setting.key().name().equals("table") && setting.value() != null) {
        return setting.value();
      }
    }
    return null;
  }

  private static boolean redacted(
      SchemaScope scope, String field, Collection<PolicyDecl> policies) {
    SchemaScope.Redaction redaction = scope.redaction(field);
    return redaction != null && policies.contains(redaction.policy());
  }

  /** Every field whose value a detector keeps or keys state by. */
  static List<Ident> fieldsRead(DetectorDecl detector) {
    List<Ident> fields = new ArrayList<>(detector.by());
    for (DetectorDecl.Feature feature : detector.features()) {
      if (feature instanceof DetectorDecl.Window window && window.field() != null) {
        fields.add(window.field());
      } else if (feature instanceof DetectorDecl.Ewma ewma) {
        fields.add(ewma.field());
      } else if (feature instanceof DetectorDecl.Cusum cusum) {
        fields.add(cusum.field());
      } else if (feature instanceof DetectorDecl.Anomaly anomaly) {
        fields.add(anomaly.field());
      }
    }
    return fields;
  }
}
