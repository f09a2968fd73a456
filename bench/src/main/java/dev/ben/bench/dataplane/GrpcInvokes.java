package dev.ben.bench.dataplane;

import com.google.protobuf.ByteString;
import dev.ben.api.control.InvokeReply;
import dev.ben.api.control.InvokeRequest;
import dev.ben.api.control.InvokeService;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Invocations over gRPC on one channel (one HTTP/2 connection, calls multiplexed on it) to the
 * node's control port, each call carrying the app's key. The calls go through grpc-java itself,
 * asynchronously, their answers handled on the channel's event loop: the generated Pekko gRPC
 * client adds an actor system and a future conversion per call, CPU the node would miss on a shared
 * 2-core machine. Calls carry no deadline of their own (a deadline is a timer set and cancelled per
 * call, about 5% of this client's CPU): one without an answer when the load's drain ends counts as
 * failed, as an HTTP request does.
 */
final class GrpcInvokes implements InvokeTransport {

  private static final MethodDescriptor<InvokeRequest, InvokeReply> INVOKE =
      MethodDescriptor.<InvokeRequest, InvokeReply>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(InvokeService.name, "Invoke"))
          .setRequestMarshaller(ProtoUtils.marshaller(InvokeRequest.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(InvokeReply.getDefaultInstance()))
          .build();

  private final ManagedChannel channel;
  private final Metadata headers = new Metadata();
  private final String pipeline;

  GrpcInvokes(String host, int port, String key, String pipeline) {
    this.channel =
        ManagedChannelBuilder.forAddress(host, port).usePlaintext().directExecutor().build();
    headers.put(
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
    this.pipeline = pipeline;
  }

  @Override
  public void send(String event, Consumer<String> done) {
    InvokeRequest request =
        InvokeRequest.newBuilder()
            .setPipeline(pipeline)
            .setEventJson(ByteString.copyFromUtf8(event))
            .build();
    ClientCall<InvokeRequest, InvokeReply> call = channel.newCall(INVOKE, CallOptions.DEFAULT);
    Metadata sent = new Metadata();
    sent.merge(headers);
    call.start(new Answer(done), sent);
    call.request(1);
    call.sendMessage(request);
    call.halfClose();
  }

  /** Tells {@code done} once, when the call closes: null for a reply, else its status code. */
  private static final class Answer extends ClientCall.Listener<InvokeReply> {

    private final Consumer<String> done;
    private boolean replied;

    Answer(Consumer<String> done) {
      this.done = done;
    }

    @Override
    public void onMessage(InvokeReply reply) {
      replied = true;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      done.accept(status.isOk() ? (replied ? null : "NO_REPLY") : failure(status));
    }
  }

  /** A status's code, with its description when it has one, shortened to stay one key. */
  static String failure(Status status) {
    String description = status.getDescription();
    if ((description == null || description.isBlank()) && status.getCause() != null) {
      description = status.getCause().toString();
    }
    if (description == null || description.isBlank()) {
      return status.getCode().name();
    }
    String shown = description.length() > 80 ? description.substring(0, 80) + "..." : description;
    return status.getCode().name() + " (" + shown + ")";
  }

  @Override
  public void stop() throws InterruptedException {
    channel.shutdown();
    if (!channel.awaitTermination(10, TimeUnit.SECONDS)) {
      channel.shutdownNow();
    }
  }
}
