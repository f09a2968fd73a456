package dev.ben.benctl.deploy;

import dev.ben.api.control.ListPipelinesRequest;
import dev.ben.api.control.PipelineList;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.VersionState;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import picocli.CommandLine.Command;

/** {@code benctl pipelines}: every pipeline the ledger knows, with its lifecycle and versions. */
@Command(
    name = "pipelines",
    mixinStandardHelpOptions = true,
    description =
        "List the pipelines the ledger knows, with lifecycle, active version and activation state.")
public final class PipelinesCommand extends RemoteCommand {

  @Override
  protected int run() {
    PipelineList list =
        call(client -> client.listPipelines(), ListPipelinesRequest.getDefaultInstance());
    if (output.json()) {
      var json = Json.object();
      var pipelines = json.putArray("pipelines");
      list.getPipelinesList().forEach(p -> pipelines.add(StatusView.json(p)));
      out().print(Json.render(json));
      return ExitCode.OK;
    }
    var table =
        Table.withHeaders(
            "PIPELINE", "LIFECYCLE", "ACTIVE", "NEWEST STAGED", "ACTIVATION", "ACKED");
    for (PipelineStatus p : list.getPipelinesList()) {
      long newest =
          p.getVersionsList().stream()
              .filter(v -> v.getState() == VersionState.STAGED)
              .mapToLong(v -> v.getVersion())
              .max()
              .orElse(0);
      long acked = p.getComponentsList().stream().filter(c -> c.getAcked()).count();
      long holders = p.getComponentsList().stream().filter(StatusView::holdsContract).count();
      table.row(
          p.getPipeline(),
          p.getLifecycle().name().toLowerCase(),
          p.getActiveVersion() == 0 ? "-" : "v" + p.getActiveVersion(),
          newest == 0 ? "-" : "v" + newest,
          p.getActivatingVersion() == 0 ? "-" : p.getActivationState().name().toLowerCase(),
          acked + "/" + holders);
    }
    out()
        .print(
            table.isEmpty()
                ? "no pipelines yet; stage one with `benctl stage DIR`\n"
                : table.render());
    return ExitCode.OK;
  }
}
