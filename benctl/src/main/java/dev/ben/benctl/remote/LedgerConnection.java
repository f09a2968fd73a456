package dev.ben.benctl.remote;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.api.control.LedgerServiceClient;
import dev.ben.benctl.command.CommandFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.GrpcClientSettings;

/**
 * One call to the ledger: a quiet local actor system and a gRPC client that live only as long as
 * the command. gRPC statuses become exit codes in one place: unreachable (3) for a server that is
 * down or too slow, refused (1) for everything the server answered with a reason.
 */
public final class LedgerConnection {

  // benctl is a short-lived process: no dead-letter chatter, no logging to stdout (it carries
  // command output).
  private static final Config QUIET =
      ConfigFactory.parseString(
              """
      pekko.loglevel = "ERROR"
      pekko.stdout-loglevel = "OFF"
      pekko.log-dead-letters = off
      pekko.log-dead-letters-during-shutdown = off
      pekko.actor.provider = local
      pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
      """)
          .withFallback(ConfigFactory.defaultReference());

  private LedgerConnection() {}

  /** Runs {@code call} against the server and returns its reply. */
  public static <T> T call(
      ServerOptions server, Function<LedgerServiceClient, CompletionStage<T>> call) {
    String host = server.host();
    int port = server.port();
    Duration timeout = server.timeout();
    ActorSystem system = ActorSystem.create("benctl", QUIET);
    try {
      GrpcClientSettings settings =
          GrpcClientSettings.connectToServiceAt(host, port, system)
              .withTls(false)
              .withDeadline(timeout);
      LedgerServiceClient client = LedgerServiceClient.create(settings, system);
      try {
        return call.apply(client)
            .toCompletableFuture()
            .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      } finally {
        client.close();
      }
    } catch (ExecutionException failed) {
      throw translate(server.address(), failed.getCause());
    } catch (TimeoutException slow) {
      throw CommandFailure.unreachable(
          "no answer from "
              + server.address()
              + " within "
              + timeout.toSeconds()
              + " s; is the node running (`./ben demo`)? Raise --timeout for slow clusters",
          slow);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw CommandFailure.unreachable(
          "interrupted while waiting for " + server.address(), interrupted);
    } finally {
      system.terminate();
    }
  }

  static CommandFailure translate(String address, Throwable cause) {
    if (!(cause instanceof StatusRuntimeException grpc)) {
      return CommandFailure.unreachable("cannot talk to " + address + ": " + cause, cause);
    }
    Status status = grpc.getStatus();
    String detail =
        status.getDescription() == null ? status.getCode().name() : status.getDescription();
    switch (status.getCode()) {
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        return CommandFailure.unreachable(
            "cannot reach the Ben server at "
                + address
                + " ("
                + detail
                + rootCause(grpc)
                + "); start one with `./ben demo` or point --server / BEN_SERVER at it",
            grpc);
      case UNIMPLEMENTED:
        return CommandFailure.unreachable(
            address
                + " does not serve the ledger API; is it a Ben node with the "
                + "orchestrator role?",
            grpc);
      default:
        return CommandFailure.refused(detail, grpc);
    }
  }

  /**
   * gRPC says "io exception"; the innermost cause says what happened (connection refused, unknown
   * host).
   */
  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure || root.getMessage() == null ? "" : ": " + root.getMessage();
  }
}
