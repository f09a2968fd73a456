package dev.ben.benctl.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.benctl.out.Table;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.contracts.model.ValueList;
import java.util.Locale;

/**
 * The storage side of a contract set: schemas with their fields, value lists, and each table's
 * ClickHouse DDL.
 */
final class SchemaSections {

  /** Lists can hold thousands of entries (sanctions files); the text view shows the first few. */
  static final int SHOWN_LIST_VALUES = 5;

  private SchemaSections() {}

  static void schemasText(ContractSet contracts, Report report) {
    for (Schema schema : contracts.schemas()) {
      report
          .heading("schema " + schema.name() + " v" + schema.version())
          .table(
              Table.fields()
                  .row("table", schema.table())
                  .row("key", ModelText.list(schema.key()))
                  .row("order_by", ModelText.list(schema.orderBy()))
                  .row("fingerprint", schema.fingerprint()))
          .gap();
      var fields = Table.withHeaders("FIELD", "TYPE", "PII");
      for (SchemaField field : schema.fields()) {
        fields.row(field.name(), ModelText.type(field), field.pii() ? "@pii" : "");
      }
      report.table(fields);
    }
  }

  static void schemasJson(ContractSet contracts, ObjectNode json) {
    ArrayNode schemas = json.putArray("schemas");
    for (Schema schema : contracts.schemas()) {
      ObjectNode entry =
          schemas
              .addObject()
              .put("name", schema.name())
              .put("version", schema.version())
              .put("table", schema.table());
      schema.key().forEach(entry.putArray("key")::add);
      schema.orderBy().forEach(entry.putArray("order_by")::add);
      ArrayNode fields = entry.putArray("fields");
      for (SchemaField field : schema.fields()) {
        fields
            .addObject()
            .put("name", field.name())
            .put("type", field.type().name().toLowerCase(Locale.ROOT))
            .put("optional", field.optional())
            .put("array", field.array())
            .put("pii", field.pii());
      }
      entry.put("fingerprint", schema.fingerprint());
    }
  }

  static void listsText(ContractSet contracts, Report report) {
    var table = Table.withHeaders("LIST", "TYPE", "ENTRIES", "FIRST ENTRIES");
    for (ValueList list : contracts.lists()) {
      var shown = list.values().stream().limit(SHOWN_LIST_VALUES).toList();
      String more = list.values().size() > shown.size() ? ", ..." : "";
      table.row(
          list.name(),
          list.elementType().name().toLowerCase(Locale.ROOT),
          list.values().size(),
          String.join(", ", shown) + more);
    }
    report.block(table);
  }

  static void listsJson(ContractSet contracts, ObjectNode json) {
    ArrayNode lists = json.putArray("lists");
    for (ValueList list : contracts.lists()) {
      ObjectNode entry =
          lists
              .addObject()
              .put("name", list.name())
              .put("type", list.elementType().name().toLowerCase(Locale.ROOT))
              .put("entries", list.values().size());
      list.values().forEach(entry.putArray("values")::add);
      entry.put("fingerprint", list.fingerprint());
    }
  }

  /**
   * Each schema's DDL as a SQL comment naming the schema and the statement, ready to paste into a
   * client.
   */
  static void ddlText(ContractSet contracts, Report report) {
    for (Schema schema : contracts.schemas()) {
      report
          .heading(
              "-- schema " + schema.name() + " v" + schema.version() + ", table " + schema.table())
          .raw(schema.ddl() + ";");
    }
  }

  static void ddlJson(ContractSet contracts, ObjectNode json) {
    ArrayNode ddl = json.putArray("ddl");
    for (Schema schema : contracts.schemas()) {
      ddl.addObject()
          .put("schema", schema.name())
          .put("table", schema.table())
          .put("ddl", schema.ddl());
    }
  }
}
