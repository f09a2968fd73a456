package dev.ben.benctl.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.control.ComponentState;
import dev.ben.api.control.LedgerEvent;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionState;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import dev.ben.contracts.bundle.Fingerprint;
import java.time.Instant;

/**
 * How a pipeline's status reads: a summary, its versions, its components with their acks, and its
 * history.
 */
final class StatusView {

  private StatusView() {}

  static String text(PipelineStatus status) {
    var text =
        new StringBuilder(
            Table.fields()
                .row("pipeline", status.getPipeline())
                .row("lifecycle", status.getLifecycle().name().toLowerCase())
                .row("active", version(status.getActiveVersion()))
                .row(
                    "activating",
                    status.getActivatingVersion() == 0
                        ? "-"
                        : version(status.getActivatingVersion())
                            + " ("
                            + status.getActivationState().name().toLowerCase()
                            + ")")
                .row(
                    "detail",
                    status.getActivationDetail().isEmpty() ? null : status.getActivationDetail())
                .render());
    if (status.getVersionsCount() > 0) {
      var versions = Table.withHeaders("VERSION", "STATE", "BUNDLE", "SIGNED BY", "STAGED AT");
      for (VersionInfo v : status.getVersionsList()) {
        versions.row(
            v.getVersion(),
            v.getState().name().toLowerCase(),
            shortFingerprint(v.getBundleId()),
            v.getKeyId(),
            Instant.ofEpochMilli(v.getStagedAtMillis()));
      }
      text.append('\n').append(versions.render());
    }
    if (status.getComponentsCount() > 0) {
      var components = Table.withHeaders("COMPONENT", "KIND", "NODE", "RUNS", "ACKED", "HEALTH");
      for (ComponentState c : status.getComponentsList()) {
        components.row(
            c.getComponent(),
            c.getKind(),
            c.getNode(),
            version(c.getRunningVersion()),
            c.getAcked() ? "yes" : holdsContract(c) ? "no" : "-",
            c.getHealth().isEmpty() ? "-" : c.getHealth());
      }
      text.append('\n').append(components.render());
      text.append('\n').append(counts(status));
    }
    if (status.getHistoryCount() > 0) {
      var history = Table.withHeaders("TIME", "TYPE", "VERSION", "SOURCE", "SUMMARY");
      for (LedgerEvent e : status.getHistoryList()) {
        history.row(
            Instant.ofEpochMilli(e.getCreatedAtMillis()),
            e.getType(),
            version(e.getVersion()),
            e.getSource(),
            e.getSummary());
      }
      text.append('\n').append(history.render());
    }
    return text.toString();
  }

  private static String version(long version) {
    return version == 0 ? "-" : "v" + version;
  }

  /**
   * {@code sha256:} and the first 12 hex digits, as bundles are named everywhere else; null for
   * none.
   */
  static String shortFingerprint(String fingerprint) {
    if (fingerprint.isEmpty()) {
      return null;
    }
    return Fingerprint.isWellFormed(fingerprint)
        ? new Fingerprint(fingerprint).shortForm()
        : fingerprint;
  }

  static ObjectNode json(PipelineStatus status) {
    ObjectNode json =
        Json.object()
            .put("pipeline", status.getPipeline())
            .put("lifecycle", status.getLifecycle().name().toLowerCase())
            .put("description", status.getDescription())
            .put("active_version", status.getActiveVersion())
            .put("activating_version", status.getActivatingVersion())
            .put(
                "activation_state",
                status.getActivationState() == VersionState.VERSION_STATE_UNSPECIFIED
                    ? ""
                    : status.getActivationState().name().toLowerCase())
            .put("activation_detail", status.getActivationDetail());
    ArrayNode versions = json.putArray("versions");
    status.getVersionsList().forEach(v -> versions.add(version(v)));
    ArrayNode components = json.putArray("components");
    for (ComponentState c : status.getComponentsList()) {
      components
          .addObject()
          .put("component", c.getComponent())
          .put("kind", c.getKind())
          .put("node", c.getNode())
          .put("running_version", c.getRunningVersion())
          .put("acked", c.getAcked())
          .put("health", c.getHealth())
          .set("counts", countsJson(c));
    }
    ArrayNode history = json.putArray("history");
    for (LedgerEvent e : status.getHistoryList()) {
      history
          .addObject()
          .put("id", e.getId())
          .put("type", e.getType())
          .put("source", e.getSource())
          .put("summary", e.getSummary())
          .put("data", e.getDataJson())
          .put("parent", e.getParentId())
          .put("version", e.getVersion())
          .put("time", Instant.ofEpochMilli(e.getCreatedAtMillis()).toString());
    }
    return json;
  }

  /**
   * Events per component by outcome, as each last reported them: at every stage accepted =
   * forwarded + refused + shed (+ routed to the Lucius scrub queue at the spine), and at the store
   * accepted = stored + spilled + refused, so the loss is there to read.
   */
  private static String counts(PipelineStatus status) {
    var table =
        Table.withHeaders(
            "EVENTS", "ACCEPTED", "FORWARDED", "STORED", "REFUSED", "SHED", "SPILLED", "ROUTED");
    for (ComponentState c : status.getComponentsList()) {
      if (c.getCountsCount() > 0) {
        table.row(
            c.getKind() + "@" + c.getNode(),
            count(c, "accepted"),
            count(c, "forwarded"),
            count(c, "stored"),
            count(c, "refused"),
            count(c, "shed"),
            count(c, "spilled"),
            count(c, "routed"));
      }
    }
    return table.isEmpty() ? "" : table.render();
  }

  private static String count(ComponentState c, String outcome) {
    return Long.toString(c.getCountsOrDefault(outcome, 0));
  }

  private static ObjectNode countsJson(ComponentState c) {
    ObjectNode counts = Json.object();
    new java.util.TreeMap<>(c.getCountsMap()).forEach(counts::put);
    return counts;
  }

  static ObjectNode version(VersionInfo v) {
    return Json.object()
        .put("pipeline", v.getPipeline())
        .put("version", v.getVersion())
        .put("state", v.getState().name().toLowerCase())
        .put("bundle_id", v.getBundleId())
        .put("key_id", v.getKeyId())
        .put("staged_at", Instant.ofEpochMilli(v.getStagedAtMillis()).toString());
  }

  /**
   * Whether the component is one that must acknowledge versions: the spines (they evaluate
   * contracts), and any component that reports running a version. Sidecars, proxies and stores have
   * nothing to acknowledge.
   */
  static boolean holdsContract(ComponentState c) {
    return c.getAcked() || c.getRunningVersion() != 0 || c.getKind().equals("spine");
  }
}
