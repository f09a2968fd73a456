package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.lang.PipelineDecl.Setting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a pipeline's runtime blocks: sidecar endpoints, proxy flow control, spine count and store.
 */
final class RuntimeSettings {
  static final List<String> SIDECAR = List.of("http", "uds", "tcp");
  static final List<String> PROXY =
      List.of("buffer", "high_watermark", "low_watermark", "overload", "coalesce");
  static final List<String> OVERLOAD =
      List.of("backpressure", "shed_oldest", "shed_newest", "sample");
  static final List<String> STORE = List.of("table", "replica");

  private final CheckContext context;
  private final Diagnostics diagnostics;

  RuntimeSettings(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
  }

  void check(PipelineDecl pipeline, Map<String, SchemaScope> schemas) {
    if (pipeline.sidecar() != null) {
      Map<String, Setting> sidecar = settings(pipeline.sidecar(), SIDECAR, "sidecar");
      flag(sidecar.get("http"));
      if (sidecar.containsKey("uds")) {
        word(sidecar.get("uds"), null, "a socket file name");
      }
      if (sidecar.containsKey("tcp")) {
        Setting tcp = sidecar.get("tcp");
        if (context.literals.integerIn(value(tcp), 1, 65_535, "the tcp port") != null) {
          diagnostics.warning(
              tcp.key().span(),
              "the `tcp` endpoint is accepted but not yet carried by compiled "
                  + "pipelines; sidecars listen on `http` and `uds` only",
              "add `http` or `uds \"app.sock\"`");
        }
      }
      if (!sidecar.containsKey("http") && !sidecar.containsKey("uds")) {
        diagnostics.error(
            pipeline.name().span(),
            "the sidecar of pipeline `"
                + pipeline.name().name()
                + "` has no `http` or `uds` endpoint",
            "add `http` or `uds \"app.sock\"`");
      }
    }
    if (pipeline.proxy() != null) {
      proxy(settings(pipeline.proxy(), PROXY, "proxy"));
    }
    if (pipeline.spines() != null) {
      context.literals.integerIn(pipeline.spines(), 1, 256, "the number of spines");
    }
    if (pipeline.store() == null) {
      diagnostics.error(
          pipeline.name().span(),
          "pipeline `" + pipeline.name().name() + "` has no store",
          "add `store { table TABLE }` naming the table of one of its schemas");
    } else {
      store(pipeline, settings(pipeline.store(), STORE, "store"), schemas);
    }
  }

  private Map<String, Setting> settings(List<Setting> settings, List<String> known, String block) {
    Map<String, Setting> byKey = new HashMap<>();
    for (Setting setting : settings) {
      String key = setting.key().name();
      if (!known.contains(key)) {
        diagnostics.error(
            setting.key().span(),
            "unknown "
                + block
                + " setting `"
                + key
                + "`; expected one of "
                + String.join(", ", known),
            DiagnosticRenderer.didYouMean(key, known));
      } else if (byKey.putIfAbsent(key, setting) != null) {
        diagnostics.error(setting.key().span(), "`" + key + "` is set twice in `" + block + "`");
      }
    }
    return byKey;
  }

  private void flag(Setting setting) {
    if (setting != null && setting.value() != null) {
      diagnostics.error(setting.value().span(), "`" + setting.key().name() + "` takes no value");
    }
  }

  private Literal value(Setting setting) {
    if (setting.value() == null) {
      diagnostics.error(setting.key().span(), "`" + setting.key().name() + "` needs a value");
      return new Literal.Word("", setting.span());
    }
    return setting.value();
  }

  /**
   * The setting's word or string, checked against {@code allowed} when given; null after reporting.
   */
  private String word(Setting setting, List<String> allowed, String what) {
    if (setting.value() == null) {
      value(setting);
      return null;
    }
    Literal value = setting.value();
    String text =
        value instanceof Literal.Word w
            ? w.value()
            : value instanceof Literal.Str s ? s.value() : null;
    if (text == null || text.isBlank() || (allowed != null && !allowed.contains(text))) {
      diagnostics.error(
          value.span(),
          "`" + setting.key().name() + "` expects " + what + ", found `" + value.source() + "`",
          text == null || allowed == null
              ? new String[0]
              : DiagnosticRenderer.didYouMean(text, allowed));
      return null;
    }
    return text;
  }

  private void proxy(Map<String, Setting> proxy) {
    Long buffer =
        proxy.containsKey("buffer")
            ? context.literals.integerIn(
                value(proxy.get("buffer")), 1, 10_000_000, "the proxy buffer")
            : (Long) PipelineDefaults.BUFFER;
    Double high =
        proxy.containsKey("high_watermark")
            ? context.literals.decimalIn(
                value(proxy.get("high_watermark")), 0, false, 1, "high_watermark")
            : (Double) PipelineDefaults.HIGH_WATERMARK;
    Double low =
        proxy.containsKey("low_watermark")
            ? context.literals.decimalIn(
                value(proxy.get("low_watermark")), 0, true, 1, "low_watermark")
            : (Double) PipelineDefaults.LOW_WATERMARK;
    if (high != null && low != null && low >= high) {
      Setting blamed =
          proxy.containsKey("low_watermark")
              ? proxy.get("low_watermark")
              : proxy.get("high_watermark");
      diagnostics.error(
          blamed.value() == null ? blamed.key().span() : blamed.value().span(),
          "low_watermark "
              + low
              + " must be below high_watermark "
              + high
              + (proxy.containsKey("low_watermark") && proxy.containsKey("high_watermark")
                  ? ""
                  : " (the default for the one not written)"),
          "the proxy resumes reading once the buffer drains below the low mark");
    }
    if (proxy.containsKey("overload")) {
      word(proxy.get("overload"), OVERLOAD, "one of " + String.join(", ", OVERLOAD));
    }
    if (proxy.containsKey("coalesce")) {
      Long coalesce =
          context.literals.integerIn(value(proxy.get("coalesce")), 1, 100_000, "coalesce");
      if (coalesce != null && buffer != null && coalesce > buffer) {
        diagnostics.error(
            proxy.get("coalesce").value().span(),
            "coalesce " + coalesce + " is larger than the buffer (" + buffer + ")",
            "batches must fit in the buffer");
      }
    }
  }

  private void store(
      PipelineDecl pipeline, Map<String, Setting> store, Map<String, SchemaScope> schemas) {
    if (!store.containsKey("table")) {
      diagnostics.error(
          pipeline.name().span(),
          "the store of pipeline `" + pipeline.name().name() + "` names no table",
          "add `table TABLE` (the table of one of its schemas)");
    } else {
      List<String> tables =
          schemas.values().stream()
              .filter(s -> s.schema().decl().table() != null)
              .map(s -> s.schema().table())
              .toList();
      String table = word(store.get("table"), null, "a table name");
      if (table != null && !tables.contains(table)) {
        diagnostics.error(
            store.get("table").value().span(),
            "table `"
                + table
                + "` does not belong to any "
                + "schema of pipeline `"
                + pipeline.name().name()
                + "`",
            DiagnosticRenderer.didYouMean(table, tables).length > 0
                ? DiagnosticRenderer.didYouMean(table, tables)
                : new String[] {"its schemas' tables are " + String.join(", ", tables)});
      }
    }
    if (store.containsKey("replica")) {
      word(store.get("replica"), List.of("on", "off"), "`on` or `off`");
    }
  }
}
