package dev.ben.benctl.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.control.AddTrustedKeyRequest;
import dev.ben.api.control.ListTrustedKeysReply;
import dev.ben.api.control.ListTrustedKeysRequest;
import dev.ben.api.control.RemoveTrustedKeyRequest;
import dev.ben.api.control.TrustServiceClient;
import dev.ben.api.control.TrustedKey;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.CommandGroup;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.Table;
import dev.ben.benctl.remote.ControlCall;
import dev.ben.benctl.remote.ControlConnection;
import dev.ben.benctl.remote.Target;
import dev.ben.contracts.bundle.KeyFileException;
import dev.ben.contracts.bundle.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benctl trust add|list|remove}: the signing keys the ledger trusts (admin role). */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description =
        "Add signing keys the ledger stages bundles of, list them, remove them again (admin).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {TrustCommand.Add.class, TrustCommand.List.class, TrustCommand.Remove.class})
public final class TrustCommand extends CommandGroup {

  /** Server, credentials and output of every trust command. */
  abstract static class TrustCall extends ControlCall {

    protected <Q, R> R call(
        Function<TrustServiceClient, SingleResponseRequestBuilder<Q, R>> method, Q request) {
      return ControlConnection.trust(target(), timeout(), method, request);
    }
  }

  /** {@code benctl trust add FILE [--label L]}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Trust the public key in FILE (a NAME.pub from `benctl keygen`): bundles it signs can be"
              + " staged from now on, on every node.")
  public static final class Add extends TrustCall {

    @Parameters(index = "0", paramLabel = "FILE", description = "The NAME.pub file.")
    private Path file;

    @Option(
        names = "--label",
        paramLabel = "LABEL",
        description = "Who or what signs with the key, shown by `benctl trust list`.")
    private String label = "";

    @Override
    protected int run() {
      String text;
      try {
        // Read here first so a wrong file is explained before anything is sent.
        KeyFiles.readPublicKey(file);
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (KeyFileException | IOException e) {
        throw CommandFailure.refused(e.getMessage(), e);
      }
      TrustedKey key =
          call(
              c -> c.add(),
              AddTrustedKeyRequest.newBuilder().setPublicKey(text).setLabel(label).build());
      if (output.json()) {
        out().print(Json.render(json(key)));
      } else {
        out().println("trusted " + key.getKeyId());
      }
      return ExitCode.OK;
    }
  }

  /** {@code benctl trust list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the trusted keys: those added here, and those of ben.ledger.trusted-keys marked"
              + " as configured.")
  public static final class List extends TrustCall {

    @Override
    protected int run() {
      ListTrustedKeysReply reply = call(c -> c.list(), ListTrustedKeysRequest.getDefaultInstance());
      if (output.json()) {
        var json = Json.object();
        var keys = json.putArray("keys");
        reply.getKeysList().forEach(key -> keys.add(json(key)));
        out().print(Json.render(json));
        return ExitCode.OK;
      }
      Table table = Table.withHeaders("KEY ID", "LABEL", "ADDED BY", "ADDED");
      for (TrustedKey key : reply.getKeysList()) {
        table.row(
            key.getKeyId(),
            key.getLabel().isEmpty() ? "-" : key.getLabel(),
            key.getConfigured() ? "(configured)" : key.getAddedBy(),
            key.getConfigured() ? "-" : time(key.getAddedAtMillis()));
      }
      out()
          .print(
              table.isEmpty()
                  ? "no trusted keys; add one with `benctl trust add NAME.pub`\n"
                  : table.render());
      return ExitCode.OK;
    }
  }

  /** {@code benctl trust remove ID}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description =
          "Stop trusting a key added with `benctl trust add`; versions it signed stay staged."
              + " Configured keys are removed from ben.ledger.trusted-keys instead.")
  public static final class Remove extends TrustCall {

    @Parameters(index = "0", paramLabel = "ID", description = "The key id, as listed.")
    private String keyId;

    @Override
    protected int run() {
      TrustedKey key =
          call(c -> c.remove(), RemoveTrustedKeyRequest.newBuilder().setKeyId(keyId).build());
      if (output.json()) {
        out().print(Json.render(json(key)));
      } else {
        out().println("no longer trusted: " + key.getKeyId());
      }
      return ExitCode.OK;
    }
  }

  static ObjectNode json(TrustedKey key) {
    ObjectNode json =
        Json.object()
            .put("key_id", key.getKeyId())
            .put("label", key.getLabel())
            .put("configured", key.getConfigured());
    json.put("added_by", key.getConfigured() ? null : key.getAddedBy());
    json.put("added", key.getConfigured() ? null : time(key.getAddedAtMillis()));
    return json;
  }

  private static String time(long millis) {
    return Target.time(Instant.ofEpochMilli(millis));
  }
}
