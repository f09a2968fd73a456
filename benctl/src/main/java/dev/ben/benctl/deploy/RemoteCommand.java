package dev.ben.benctl.deploy;

import dev.ben.api.control.LedgerServiceClient;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.benctl.remote.LedgerConnection;
import dev.ben.benctl.remote.ServerOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/** Base of the commands that talk to the ledger: server and output options, and who is asking. */
abstract class RemoteCommand extends Subcommand {

  @Mixin private ServerOptions server;

  @Mixin protected OutputOptions output;

  protected <T> T call(Function<LedgerServiceClient, CompletionStage<T>> call) {
    return LedgerConnection.call(server, call);
  }

  /** {@code user@host}, recorded by the ledger as the source of what this command asks for. */
  protected static String source() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unknown) {
      host = "unknown-host";
    }
    return System.getProperty("user.name", "unknown") + "@" + host + " (benctl)";
  }
}
