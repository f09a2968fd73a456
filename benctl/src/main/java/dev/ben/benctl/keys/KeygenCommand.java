package dev.ben.benctl.keys;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.benctl.out.Table;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.KeyFiles;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benctl keygen NAME}: makes the Ed25519 key pair that signs bundles. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Make an Ed25519 key pair for signing bundles.",
      "Writes NAME.key (secret: keep it out of version control) and NAME.pub (share it with whoever "
          + "must trust your bundles), then prints the key id."
    })
public final class KeygenCommand extends Subcommand {

  @Parameters(
      paramLabel = "NAME",
      description = "Key name: letters, digits, _ . or - (e.g. release).")
  private String name;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Directory to write the files in (default: the current directory).")
  private Path dir;

  @Option(names = "--force", description = "Replace existing NAME.key and NAME.pub.")
  private boolean force;

  @Mixin private OutputOptions output;

  @Override
  protected int run() {
    if (!KeyFiles.isValidName(name)) {
      throw CommandFailure.usage(
          "'"
              + name
              + "' is not a usable key name; use letters, digits, _ . or -"
              + " (at most 64, not starting with . or -), e.g. 'benctl keygen release'");
    }
    KeyFiles.Written written;
    try {
      written = KeyFiles.write(dir, name, Ed25519.generate(), force);
    } catch (KeyFileException e) {
      throw CommandFailure.refused(e.getMessage(), e);
    }
    if (output.json()) {
      var json =
          Json.object()
              .put("key_id", written.keyId())
              .put("private_key", written.privateFile().toString())
              .put("public_key", written.publicFile().toString());
      out().print(Json.render(json));
    } else {
      out()
          .print(
              Table.fields()
                  .row("key id", written.keyId())
                  .row(
                      "private key", written.privateFile() + "  (secret: never share or commit it)")
                  .row("public key", written.publicFile() + "  (give it to verifiers: --trust)")
                  .render());
    }
    return ExitCode.OK;
  }
}
