package dev.ben.benctl.deploy;

import com.google.protobuf.ByteString;
import dev.ben.api.control.StageReply;
import dev.ben.api.control.StageRequest;
import dev.ben.api.control.VersionInfo;
import dev.ben.benctl.build.BundleOutput;
import dev.ben.benctl.bundle.BundleFileInput;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl stage DIR|BUNDLE}: sends a built bundle to the ledger, which records a staged
 * version.
 */
@Command(
    name = "stage",
    mixinStandardHelpOptions = true,
    description = {
      "Send a project's built bundle (DIR/target/NAME.bundle, from `benctl build`) or a bundle file "
          + "to the ledger. The ledger verifies its signature against the keys it trusts, re-validates it and "
          + "records a new staged version of each pipeline it declares. Nothing runs until `benctl deploy`."
    })
public final class StageCommand extends RemoteCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      paramLabel = "DIR|BUNDLE",
      description = "A built project folder or a bundle file; default: the current folder.")
  private Path source;

  @Override
  protected int run() {
    Path file = bundleFile();
    byte[] bytes = BundleFileInput.bytes(file);
    StageReply reply =
        call(
            client -> client.stage(),
            StageRequest.newBuilder().setBundle(ByteString.copyFrom(bytes)).build());
    if (output.json()) {
      var json =
          Json.object().put("bundle_id", reply.getBundleId()).put("key_id", reply.getKeyId());
      var staged = json.putArray("staged");
      reply.getStagedList().forEach(v -> staged.add(StatusView.version(v)));
      out().print(Json.render(json));
    } else {
      var table = Table.withHeaders("PIPELINE", "STAGED VERSION", "BUNDLE", "SIGNED BY");
      for (VersionInfo v : reply.getStagedList()) {
        table.row(v.getPipeline(), "v" + v.getVersion(), reply.getBundleId(), reply.getKeyId());
      }
      out().print(table.render());
      out().println("Deploy with: benctl deploy " + reply.getStaged(0).getPipeline());
    }
    return ExitCode.OK;
  }

  private Path bundleFile() {
    return Files.isDirectory(source) ? BundleOutput.builtIn(source) : source;
  }
}
