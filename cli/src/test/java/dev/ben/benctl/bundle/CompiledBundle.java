package dev.ben.benctl.bundle;

import dev.ben.contracts.bundle.BundleBuilder;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Fingerprinted;
import dev.ben.contracts.model.ModelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A bundle file holding an example project's compiled artifacts, one per model record under the kinds the
 * compiler uses, so inspect can be tested on what {@code benctl build} produces.
 */
final class CompiledBundle {

  private CompiledBundle() {
  }

  static Path write(ContractSet contracts, Path file) throws Exception {
    var builder = BundleBuilder.forProject(contracts.project(), "test");
    add(builder, "schema", contracts.schemas());
    add(builder, "list", contracts.lists());
    add(builder, "policy", contracts.policies());
    add(builder, "detector", contracts.detectors());
    add(builder, "signal", contracts.signals());
    add(builder, "playbook", contracts.playbooks());
    add(builder, "pipeline", contracts.pipelines());
    return Files.write(file, builder.build(Ed25519.generate()).toBytes());
  }

  private static void add(BundleBuilder builder, String kind, List<? extends Fingerprinted<?>> artifacts) {
    for (Fingerprinted<?> artifact : artifacts) {
      builder.add(kind, artifact.name(), ModelJson.mapper().valueToTree(artifact));
    }
  }
}
