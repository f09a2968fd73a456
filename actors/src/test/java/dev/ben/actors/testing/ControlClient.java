package dev.ben.actors.testing;

import com.google.protobuf.ByteString;
import dev.ben.api.control.DeployRequest;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.DiffRequest;
import dev.ben.api.control.LedgerServiceClient;
import dev.ben.api.control.LifecycleAction;
import dev.ben.api.control.LifecycleRequest;
import dev.ben.api.control.PipelineStatus;
import dev.ben.api.control.StageReply;
import dev.ben.api.control.StageRequest;
import dev.ben.api.control.StatusRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.grpc.GrpcClientSettings;

/**
 * The control API as benctl calls it, for tests: blocking calls over real gRPC to a node's control
 * port, each carrying the given token.
 */
public final class ControlClient implements AutoCloseable {

  private final LedgerServiceClient client;
  private final String authorization;

  /** A client acting as the node's administrator. */
  public ControlClient(TestNode node) {
    this(node.endpoints.control().port(), node.system, node.adminToken());
  }

  public ControlClient(int port, ClassicActorSystemProvider system, String token) {
    this.client =
        LedgerServiceClient.create(
            GrpcClientSettings.connectToServiceAt("127.0.0.1", port, system).withTls(false),
            system);
    this.authorization = "Bearer " + token;
  }

  public StageReply stage(byte[] bundle) throws Exception {
    return client
        .stage()
        .addHeader("authorization", authorization)
        .invoke(
            StageRequest.newBuilder()
                .setBundle(ByteString.copyFrom(bundle))
                .setSource("test")
                .build())
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
  }

  public PipelineStatus deploy(String pipeline, long version, Duration wait) throws Exception {
    return client
        .deploy()
        .addHeader("authorization", authorization)
        .invoke(
            DeployRequest.newBuilder()
                .setPipeline(pipeline)
                .setVersion(version)
                .setWaitMillis(wait.toMillis())
                .setSource("test")
                .build())
        .toCompletableFuture()
        .get(wait.toSeconds() + 20, TimeUnit.SECONDS);
  }

  public PipelineStatus rollback(String pipeline, Duration wait) throws Exception {
    return client
        .rollback()
        .addHeader("authorization", authorization)
        .invoke(
            DeployRequest.newBuilder()
                .setPipeline(pipeline)
                .setWaitMillis(wait.toMillis())
                .setSource("test")
                .build())
        .toCompletableFuture()
        .get(wait.toSeconds() + 20, TimeUnit.SECONDS);
  }

  public PipelineStatus lifecycle(String pipeline, LifecycleAction action) throws Exception {
    return client
        .changeLifecycle()
        .addHeader("authorization", authorization)
        .invoke(
            LifecycleRequest.newBuilder()
                .setPipeline(pipeline)
                .setAction(action)
                .setSource("test")
                .build())
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
  }

  public DiffReply diff(String pipeline, long from, long to) throws Exception {
    return client
        .diff()
        .addHeader("authorization", authorization)
        .invoke(
            DiffRequest.newBuilder()
                .setPipeline(pipeline)
                .setFromVersion(from)
                .setToVersion(to)
                .build())
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
  }

  public PipelineStatus status(String pipeline, boolean history) throws Exception {
    return client
        .status()
        .addHeader("authorization", authorization)
        .invoke(StatusRequest.newBuilder().setPipeline(pipeline).setHistory(history).build())
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    client.close().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
