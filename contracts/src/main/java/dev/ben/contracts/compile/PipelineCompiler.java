package dev.ben.contracts.compile;

import dev.ben.contracts.check.PipelineDefaults;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PipelineDecl;
import dev.ben.contracts.lang.PipelineDecl.Setting;
import dev.ben.contracts.model.OverloadPolicy;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.ProxySettings;
import dev.ben.contracts.model.SidecarSettings;
import dev.ben.contracts.model.StoreSettings;
import java.util.List;
import java.util.Locale;

/** Compiles pipelines, filling unwritten settings from {@link PipelineDefaults}. */
final class PipelineCompiler {

  private PipelineCompiler() {}

  static Pipeline compile(PipelineDecl pipeline) {
    List<Setting> sidecar = pipeline.sidecar() == null ? List.of() : pipeline.sidecar();
    boolean http = pipeline.sidecar() == null || find(sidecar, "http") != null;
    Literal uds = find(sidecar, "uds");
    List<Setting> proxy = pipeline.proxy() == null ? List.of() : pipeline.proxy();
    ProxySettings proxySettings =
        new ProxySettings(
            (int) integer(find(proxy, "buffer"), PipelineDefaults.BUFFER),
            decimal(find(proxy, "high_watermark"), PipelineDefaults.HIGH_WATERMARK),
            decimal(find(proxy, "low_watermark"), PipelineDefaults.LOW_WATERMARK),
            OverloadPolicy.valueOf(
                word(find(proxy, "overload"), PipelineDefaults.OVERLOAD).toUpperCase(Locale.ROOT)),
            (int) integer(find(proxy, "coalesce"), PipelineDefaults.COALESCE));
    StoreSettings store =
        new StoreSettings(
            word(find(pipeline.store(), "table"), null),
            "on"
                .equals(
                    word(
                        find(pipeline.store(), "replica"),
                        PipelineDefaults.REPLICA ? "on" : "off")));
    return new Pipeline(
        pipeline.name().name(),
        names(pipeline.schemas()),
        names(pipeline.policies()),
        names(pipeline.detectors()),
        names(pipeline.playbooks()),
        new SidecarSettings(http, uds == null ? null : word(uds, null)),
        proxySettings,
        (int) integer(pipeline.spines(), PipelineDefaults.SPINES),
        store,
        "");
  }

  private static List<String> names(List<Ident> idents) {
    return idents.stream().map(Ident::name).toList();
  }

  private static Literal find(List<Setting> settings, String key) {
    for (Setting setting : settings) {
      if (setting.key().name().equals(key)) {
        return setting.value() == null ? new Literal.Bool(true, setting.span()) : setting.value();
      }
    }
    return null;
  }

  private static long integer(Literal value, long fallback) {
    return value == null ? fallback : ModelValues.integer(value);
  }

  private static double decimal(Literal value, double fallback) {
    return value == null ? fallback : ModelValues.decimal(value);
  }

  private static String word(Literal value, String fallback) {
    if (value instanceof Literal.Str str) {
      return str.value();
    }
    return value == null ? fallback : value.source();
  }
}
