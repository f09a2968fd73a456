package dev.ben.bench.dataplane;

import com.google.protobuf.ByteString;
import dev.ben.api.control.InvokeRequest;
import dev.ben.api.control.InvokeServiceClient;
import io.grpc.Status;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.GrpcClientSettings;

/**
 * Invocations over gRPC on one channel (one HTTP/2 connection, calls multiplexed on it) to the
 * node's control port, each call carrying the app's key.
 */
final class GrpcInvokes implements InvokeTransport {

  private final ActorSystem system;
  private final InvokeServiceClient client;
  private final String authorization;
  private final String pipeline;

  GrpcInvokes(String host, int port, String key, String pipeline) {
    this.system = ActorSystem.create("invoke-load");
    this.client =
        InvokeServiceClient.create(
            GrpcClientSettings.connectToServiceAt(host, port, system).withTls(false), system);
    this.authorization = "Bearer " + key;
    this.pipeline = pipeline;
  }

  @Override
  public void send(String event, Consumer<String> done) {
    client
        .invoke()
        .addHeader("authorization", authorization)
        .invoke(
            InvokeRequest.newBuilder()
                .setPipeline(pipeline)
                .setEventJson(ByteString.copyFromUtf8(event))
                .build())
        .whenComplete(
            (reply, failure) ->
                done.accept(
                    failure == null ? null : Status.fromThrowable(failure).getCode().name()));
  }

  @Override
  public void stop() throws Exception {
    client.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
