package dev.ben.benctl.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import dev.ben.contracts.bundle.Artifact;
import dev.ben.contracts.bundle.Bundle;

/**
 * How commands describe a bundle: one summary block, one artifact table, and the same facts as
 * JSON.
 */
final class BundleView {

  private BundleView() {}

  static Table summary(Bundle bundle) {
    var manifest = bundle.manifest();
    return Table.fields()
        .row("bundle", bundle.id())
        .row("project", manifest.project())
        .row("compiler version", manifest.compilerVersion())
        .row("build id", manifest.buildId())
        .row("signed by", bundle.signature().keyId())
        .row("artifacts", bundle.artifacts().size());
  }

  static Table artifacts(Bundle bundle) {
    var table = Table.withHeaders("KIND", "NAME", "FINGERPRINT");
    for (Artifact artifact : bundle.artifacts()) {
      table.row(artifact.kind(), artifact.name(), artifact.fingerprint());
    }
    return table;
  }

  /** The summary and artifacts as text, the artifact table omitted when there are none. */
  static String text(Bundle bundle) {
    var text = new StringBuilder(summary(bundle).render());
    if (!bundle.artifacts().isEmpty()) {
      text.append('\n').append(artifacts(bundle).render());
    }
    return text.toString();
  }

  static ObjectNode json(Bundle bundle) {
    var manifest = bundle.manifest();
    var json = Json.object();
    json.put("id", bundle.id().value());
    json.put("project", manifest.project());
    json.put("compiler_version", manifest.compilerVersion());
    json.put("build_id", manifest.buildId());
    json.put("key_id", bundle.signature().keyId());
    var list = json.putArray("artifacts");
    for (Artifact artifact : bundle.artifacts()) {
      list.addObject()
          .put("kind", artifact.kind())
          .put("name", artifact.name())
          .put("fingerprint", artifact.fingerprint().value());
    }
    return json;
  }
}
