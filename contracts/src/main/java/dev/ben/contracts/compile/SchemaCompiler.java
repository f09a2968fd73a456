package dev.ben.contracts.compile;

import dev.ben.contracts.check.BenType;
import dev.ben.contracts.check.Prim;
import dev.ben.contracts.check.SchemaInfo;
import dev.ben.contracts.lang.SchemaDecl;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles schemas, including the ClickHouse DDL. The DDL targets ClickHouse 18.16 (and so works on
 * every later version): a ReplacingMergeTree keyed by the order_by fields plus a unique {@code
 * event_id}, versioned by {@code ingested_at}, so retried inserts deduplicate. No DateTime64, Map,
 * TTL or CODEC. Timestamps are {@code DateTime} (seconds); IP addresses and UUIDs are stored as
 * their canonical text in {@code String} columns (18.16 has no IPv4/IPv6 domains, and text keeps
 * generalised addresses readable); booleans are {@code UInt8}; {@code T?} is {@code Nullable(T)}
 * and {@code [T]} is {@code Array(T)}. After {@code ingested_at} come the spine's decisions about
 * the row ({@link #DECISION_COLUMNS}), so a stored row carries its masks and its facts together.
 */
final class SchemaCompiler {

  /**
   * Columns every schema table has between {@code ingested_at} and the fields: the app that sent
   * the event, the contract version that decided it, its set bits and fired rules by name, the
   * winning action's label, the facts and the detector values as JSON objects (18.16 has no Map
   * type), the playbook outcomes (fired or suppressed, each with its explanation) as a JSON array,
   * and the anomaly score.
   */
  static final String DECISION_COLUMNS =
      ",\n  `app` String,\n  `contract_version` UInt64,\n  `bits` Array(String),"
          + "\n  `rules` Array(String),\n  `action` String,\n  `facts` String,\n  `detector_values` String,"
          + "\n  `playbook_outcomes` String,\n  `anomaly_score` Nullable(Float64)";

  private SchemaCompiler() {}

  static Schema compile(SchemaInfo info) {
    List<SchemaField> fields = new ArrayList<>();
    for (SchemaDecl.FieldDecl decl : info.decl().fields()) {
      BenType type = info.fields().get(decl.name().name());
      boolean array = type.isArray();
      boolean optional =
          type.isOptional() || (array && ((BenType.Array) type).element().isOptional());
      fields.add(
          new SchemaField(
              decl.name().name(), ModelValues.type(type.prim()), optional, array, decl.pii()));
    }
    return new Schema(
        info.name(),
        info.version(),
        info.table(),
        info.key(),
        info.orderBy(),
        fields,
        ddl(info),
        "");
  }

  static String ddl(SchemaInfo info) {
    StringBuilder sql =
        new StringBuilder("CREATE TABLE IF NOT EXISTS `").append(info.table()).append("` (\n");
    sql.append("  `event_id` String,\n  `ingested_at` DateTime").append(DECISION_COLUMNS);
    info.fields()
        .forEach(
            (name, type) -> sql.append(",\n  `").append(name).append("` ").append(column(type)));
    List<String> order = new ArrayList<>();
    for (String field : info.orderBy()) {
      order.add("`" + field + "`");
    }
    order.add("`event_id`");
    sql.append("\n) ENGINE = ReplacingMergeTree(`ingested_at`)\nORDER BY (")
        .append(String.join(", ", order))
        .append(")");
    return sql.toString();
  }

  static String column(BenType type) {
    if (type instanceof BenType.Optional optional) {
      return "Nullable(" + column(optional.inner()) + ")";
    }
    if (type instanceof BenType.Array array) {
      return "Array(" + column(array.element()) + ")";
    }
    return scalar(type.prim());
  }

  private static String scalar(Prim prim) {
    return switch (prim) {
      case STRING, IPV4, IPV6, UUID -> "String";
      case BOOL -> "UInt8";
      case TIMESTAMP -> "DateTime";
      default -> ModelValues.type(prim).clickHouseType();
    };
  }
}
