package dev.ben.benctl.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.benctl.out.Table;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ContractSyntax;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.model.ProxySettings;
import dev.ben.contracts.model.SidecarSettings;
import dev.ben.contracts.model.StoreSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pipelines: their members and the runtime settings (defaults filled in by the compiler) they
 * deploy with.
 */
final class PipelineSection {

  private PipelineSection() {}

  static void text(ContractSet contracts, Report report) {
    for (Pipeline pipeline : contracts.pipelines()) {
      report
          .heading("pipeline " + pipeline.name())
          .table(
              Table.fields()
                  .row("schemas", ModelText.list(pipeline.schemas()))
                  .row("policies", ModelText.list(pipeline.policies()))
                  .row("detectors", ModelText.list(pipeline.detectors()))
                  .row("playbooks", ModelText.list(pipeline.playbooks()))
                  .row("sidecar", sidecar(pipeline.sidecar()))
                  .row("proxy", proxy(pipeline.proxy()))
                  .row("spines", pipeline.spines())
                  .row("store", store(pipeline.store())));
    }
  }

  static void json(ContractSet contracts, ObjectNode json) {
    ArrayNode pipelines = json.putArray("pipelines");
    for (Pipeline pipeline : contracts.pipelines()) {
      ObjectNode entry = pipelines.addObject().put("name", pipeline.name());
      pipeline.schemas().forEach(entry.putArray("schemas")::add);
      pipeline.policies().forEach(entry.putArray("policies")::add);
      pipeline.detectors().forEach(entry.putArray("detectors")::add);
      pipeline.playbooks().forEach(entry.putArray("playbooks")::add);
      entry
          .putObject("sidecar")
          .put("http", pipeline.sidecar().http())
          .put("uds", pipeline.sidecar().uds());
      ProxySettings proxy = pipeline.proxy();
      entry
          .putObject("proxy")
          .put("buffer", proxy.buffer())
          .put("high_watermark", proxy.highWatermark())
          .put("low_watermark", proxy.lowWatermark())
          .put("overload", proxy.overload().name().toLowerCase(Locale.ROOT))
          .put("coalesce", proxy.coalesce());
      entry.put("spines", pipeline.spines());
      entry
          .putObject("store")
          .put("table", pipeline.store().table())
          .put("replica", pipeline.store().replica());
      entry.put("fingerprint", pipeline.fingerprint());
    }
  }

  private static String sidecar(SidecarSettings sidecar) {
    List<String> parts = new ArrayList<>();
    if (sidecar.http()) {
      parts.add("http");
    }
    if (sidecar.uds() != null && !sidecar.uds().isBlank()) {
      parts.add("uds " + ContractSyntax.quote(sidecar.uds()));
    }
    return String.join("; ", parts);
  }

  private static String proxy(ProxySettings proxy) {
    return "buffer "
        + proxy.buffer()
        + ", high_watermark "
        + ContractSyntax.number(proxy.highWatermark())
        + ", low_watermark "
        + ContractSyntax.number(proxy.lowWatermark())
        + ", overload "
        + proxy.overload().name().toLowerCase(Locale.ROOT)
        + ", coalesce "
        + proxy.coalesce();
  }

  private static String store(StoreSettings store) {
    return "table " + store.table() + ", replica " + (store.replica() ? "on" : "off");
  }
}
