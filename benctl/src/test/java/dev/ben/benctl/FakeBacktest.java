package dev.ben.benctl;

import com.google.protobuf.ByteString;
import dev.ben.api.control.BacktestBundleReply;
import dev.ben.api.control.BacktestBundleRequest;
import dev.ben.api.control.BacktestProgress;
import dev.ben.api.control.BacktestRequest;
import dev.ben.api.control.BacktestResult;
import dev.ben.api.control.BacktestServicePowerApi;
import dev.ben.api.control.BacktestUpdate;
import dev.ben.contracts.backtest.BacktestReport;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.Ed25519;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.SourceTree;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The backtest service of {@link FakeControlServer}: a run sends two progress messages and then
 * {@link #REPORT}; bundles are examples/auth as v1 (active) and, as v2, the same with {@code
 * failed_burst} raised from {@code attempts > 5} to {@code attempts > 10}.
 */
final class FakeBacktest implements BacktestServicePowerApi {

  static final BacktestReport REPORT =
      new BacktestReport(
          "auth",
          "v1",
          "v2",
          24,
          List.of(
              new BacktestReport.Count("rule", "brute_force", "fired", 24, 20),
              new BacktestReport.Count("playbook", "lockout", "fired", 1, 0)),
          8,
          List.of(new BacktestReport.ChangedEvent("evt-1", "flag", "pass")),
          List.of(new BacktestReport.NotReplayable("predicate", "mail", List.of("email"), 24)));

  private final FakeControlServer server;

  FakeBacktest(FakeControlServer server) {
    this.server = server;
  }

  @Override
  public Source<BacktestUpdate, NotUsed> run(BacktestRequest in, Metadata metadata) {
    try {
      server.authorized("backtest", in, metadata, "").toCompletableFuture().join();
      return Source.from(
          List.of(
              progress(10, 2),
              progress(24, 8),
              BacktestUpdate.newBuilder()
                  .setResult(
                      BacktestResult.newBuilder()
                          .setPipeline(in.getPipeline())
                          .setActiveVersion(1)
                          .setCandidateVersion(2)
                          .setReportJson(ModelJson.mapper().writeValueAsString(REPORT)))
                  .build()));
    } catch (java.util.concurrent.CompletionException refused) {
      return Source.failed(refused.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BacktestUpdate progress(long events, long changed) {
    return BacktestUpdate.newBuilder()
        .setProgress(
            BacktestProgress.newBuilder()
                .setEvents(events)
                .setChanged(changed)
                .setSchema("login")
                .setReachedMillis(1_714_561_200_000L))
        .build();
  }

  @Override
  public CompletionStage<BacktestBundleReply> bundle(BacktestBundleRequest in, Metadata metadata) {
    long version = in.getVersion() == 0 ? 1 : in.getVersion();
    if (version > 2) {
      server.record("backtestBundle", in, metadata);
      return FakeControlServer.failed(Status.NOT_FOUND.withDescription("auth has no v" + version));
    }
    return server.authorized(
        "backtestBundle",
        in,
        metadata,
        BacktestBundleReply.newBuilder()
            .setPipeline(in.getPipeline())
            .setVersion(version)
            .setBundle(ByteString.copyFrom(auth(version == 1 ? "" : "attempts > 10")))
            .build());
  }

  /** examples/auth signed by a fresh key, with failed_burst's test replaced when given. */
  private static byte[] auth(String failedBurst) {
    try {
      Path root = Path.of("..", "examples", "auth");
      Map<String, String> files = new java.util.HashMap<>();
      for (String name : List.of("ben.project", "guard.ben", "login.ben", "response.ben")) {
        String text = Files.readString(root.resolve(name));
        files.put(name, failedBurst.isEmpty() ? text : text.replace("attempts > 5", failedBurst));
      }
      files.put("lists/sanctions.txt", Files.readString(root.resolve("lists/sanctions.txt")));
      return ContractBundles.build(
              ProjectLoader.load(SourceTree.of(files)).compile("").orElseThrow(),
              Ed25519.generate())
          .toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
