package dev.ben.contracts.fmt;

import dev.ben.contracts.fmt.Layout.Row;
import dev.ben.contracts.lang.Decl;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.EventTypeDecl;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.ListDecl;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.lang.PlaybookDecl;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.SchemaDecl;
import dev.ben.contracts.lang.SignalDecl;
import java.util.ArrayList;
import java.util.List;

/** Prints each kind of declaration in its canonical layout. */
final class DeclPrinter {
  private final Layout layout;
  private final ItemPrinter items;

  DeclPrinter(Layout layout) {
    this.layout = layout;
    this.items = new ItemPrinter(layout);
  }

  void print(Decl decl) {
    if (decl instanceof SchemaDecl schema) {
      schema(schema);
    } else if (decl instanceof ListDecl list) {
      String values =
          list.file() != null
              ? "file(" + list.file().source() + ")"
              : "[" + SourceText.join(list.values(), ", ", Literal::source) + "]";
      layout.line(
          list.span().start(),
          "list " + list.name().name() + ": " + list.type().source() + " = " + values);
    } else if (decl instanceof EventTypeDecl eventType) {
      layout.line(
          eventType.span().start(),
          "event_type " + eventType.name().name() + " = file(" + eventType.file().source() + ")");
    } else if (decl instanceof SignalDecl signal) {
      layout.line(
          signal.span().start(),
          "signal "
              + signal.name().name()
              + " { "
              + SourceText.join(signal.args(), ", ", DeclPrinter::field)
              + " }");
    } else if (decl instanceof PolicyDecl policy) {
      open(
          policy.span().start(),
          "policy " + policy.name().name() + " on " + policy.schema().name());
      items.policy(policy.items());
      close(decl);
    } else if (decl instanceof DetectorDecl detector) {
      open(
          detector.span().start(),
          "detector "
              + detector.name().name()
              + " on "
              + detector.schema().name()
              + " by "
              + SourceText.join(detector.by(), ", ", Ident::name));
      items.detector(detector.features());
      close(decl);
    } else if (decl instanceof PlaybookDecl playbook) {
      playbook(playbook);
    } else {
      pipeline((PipelineDecl) decl);
    }
  }

  private void open(int anchor, String header) {
    layout.line(anchor, header + " {");
    layout.indent();
  }

  private void close(Decl decl) {
    layout.outdent();
    layout.line(decl.span().end() - 1, "}");
  }

  private static String field(SchemaDecl.FieldDecl field) {
    return field.name().name() + ": " + field.type().source() + (field.pii() ? " @pii" : "");
  }

  private void schema(SchemaDecl schema) {
    open(schema.span().start(), "schema " + schema.name().name() + " " + schema.version().name());
    List<Row> rows = new ArrayList<>();
    if (schema.table() != null) {
      rows.add(
          new Row(
              layout.keywordBefore("table", schema.table().span().start()),
              List.of("table", schema.table().name())));
    }
    if (schema.key() != null) {
      rows.add(new Row(schema.keySpan().start(), List.of("key", SourceText.names(schema.key()))));
    }
    if (!schema.orderBy().isEmpty()) {
      rows.add(
          new Row(
              layout.keywordBefore("order_by", schema.orderBy().get(0).span().start()),
              List.of("order_by", SourceText.names(schema.orderBy()))));
    }
    rows.sort(java.util.Comparator.comparingInt(Row::anchor));
    layout.rows(rows);
    int firstField =
        schema.fields().isEmpty() ? schema.span().end() - 1 : schema.fields().get(0).span().start();
    layout.line(layout.keywordBefore("fields", firstField), "fields {");
    layout.indent();
    List<Row> fields = new ArrayList<>();
    for (SchemaDecl.FieldDecl field : schema.fields()) {
      List<String> cells =
          new ArrayList<>(List.of(field.name().name() + ":", field.type().source()));
      if (field.pii()) {
        cells.add("@pii");
      }
      fields.add(new Row(field.span().start(), cells));
    }
    layout.rows(fields);
    layout.outdent();
    layout.line(schema.span().end() - 1, "}");
    close(schema);
  }

  private void playbook(PlaybookDecl playbook) {
    open(
        playbook.span().start(),
        "playbook " + playbook.name().name() + " on " + playbook.schema().name());
    List<Row> rows = new ArrayList<>();
    if (playbook.when() != null) {
      rows.add(
          new Row(
              layout.keywordBefore("when", playbook.when().span().start()),
              List.of("when", SourceText.expr(playbook.when()))));
    }
    if (playbook.emit() != null) {
      PlaybookDecl.Emit emit = playbook.emit();
      rows.add(
          new Row(
              emit.span().start(),
              List.of(
                  "emit",
                  emit.signal().name()
                      + "("
                      + SourceText.join(
                          emit.args(),
                          ", ",
                          arg -> arg.name().name() + " = " + SourceText.expr(arg.value()))
                      + ")")));
    }
    if (playbook.bound() != null) {
      PlaybookDecl.Bound bound = playbook.bound();
      String cooldown =
          bound.cooldown() == null
              ? ""
              : ", cooldown " + bound.cooldown().text() + " per " + bound.cooldownField().name();
      rows.add(
          new Row(
              bound.span().start(),
              List.of(
                  "bound",
                  "at_most " + bound.atMost().text() + " per " + bound.per().text() + cooldown)));
    }
    if (playbook.explain() != null) {
      rows.add(
          new Row(
              layout.keywordBefore("explain", playbook.explain().span().start()),
              List.of("explain", playbook.explain().source())));
    }
    rows.sort(java.util.Comparator.comparingInt(Row::anchor));
    layout.rows(rows);
    close(playbook);
  }

  private void pipeline(PipelineDecl pipeline) {
    open(pipeline.span().start(), "pipeline " + pipeline.name().name());
    List<Row> rows = new ArrayList<>();
    addList(rows, "schemas", pipeline.schemas());
    addList(rows, "policies", pipeline.policies());
    addList(rows, "detectors", pipeline.detectors());
    addList(rows, "playbooks", pipeline.playbooks());
    int end = pipeline.span().end();
    addBlock(rows, "sidecar", pipeline.sidecar(), "; ", end);
    addBlock(rows, "proxy", pipeline.proxy(), ", ", end);
    if (pipeline.spines() != null) {
      rows.add(
          new Row(
              layout.keywordBefore("spines", pipeline.spines().span().start()),
              List.of("spines", pipeline.spines().text())));
    }
    addBlock(rows, "store", pipeline.store(), ", ", end);
    rows.sort(java.util.Comparator.comparingInt(Row::anchor));
    layout.rows(rows);
    close(pipeline);
  }

  private void addList(List<Row> rows, String key, List<Ident> names) {
    if (!names.isEmpty()) {
      rows.add(
          new Row(
              layout.keywordBefore(key, names.get(0).span().start()),
              List.of(key, SourceText.names(names))));
    }
  }

  private void addBlock(
      List<Row> rows,
      String key,
      List<PipelineDecl.Setting> settings,
      String separator,
      int pipelineEnd) {
    if (settings == null) {
      return;
    }
    int anchor =
        layout.keywordBefore(
            key, settings.isEmpty() ? pipelineEnd : settings.get(0).span().start());
    String body =
        settings.isEmpty()
            ? "{}"
            : "{ "
                + SourceText.join(
                    settings,
                    separator,
                    setting ->
                        setting.key().name()
                            + (setting.value() == null ? "" : " " + setting.value().source()))
                + " }";
    rows.add(new Row(anchor, List.of(key, body)));
  }
}
