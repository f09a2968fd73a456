package dev.ben.actors.invoke;

import dev.ben.api.control.InvokeReply;
import dev.ben.api.control.InvokeRequest;
import dev.ben.api.control.InvokeService;
import dev.ben.api.control.InvokeServicePowerApi;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.grpc.GrpcProtocol;
import org.apache.pekko.grpc.Trailers;
import org.apache.pekko.grpc.javadsl.GrpcExceptionHandler;
import org.apache.pekko.grpc.javadsl.GrpcMarshalling;
import org.apache.pekko.grpc.javadsl.Metadata;
import org.apache.pekko.grpc.javadsl.MetadataBuilder;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.Function;

/**
 * The invoke service's calls on the control port, each one whose request arrived whole (a strict
 * entity: one DATA frame) decoded in place; any other goes to the generated handler it wraps. The
 * generated Java handler reads every request through a stream materialised for it, a cost the
 * invocation, the control port's one hot call, should not pay per request. Decisions are answered
 * uncompressed whatever the caller accepts: an answer is a few hundred bytes, which gzip would
 * barely shrink at the cost of a compressor per call.
 */
// The error mapper has the deprecated japi type pekko-grpc's handlers ask for.
@SuppressWarnings("deprecation")
public final class InvokeCalls {

  /** The path of the one method: {@code /<service>/Invoke}. */
  static final String PATH = "/" + InvokeService.name + "/Invoke";

  private static final String ACCEPT_ENCODING = "grpc-accept-encoding";

  private final InvokeServicePowerApi service;
  private final Function<ActorSystem, Function<Throwable, Trailers>> errors;
  private final ClassicActorSystemProvider system;

  public InvokeCalls(
      InvokeServicePowerApi service,
      Function<ActorSystem, Function<Throwable, Trailers>> errors,
      ClassicActorSystemProvider system) {
    this.service = service;
    this.errors = errors;
    this.system = system;
  }

  /** Invoke calls answered here when whole, everything else by {@code generated}. */
  public org.apache.pekko.japi.function.Function<HttpRequest, CompletionStage<HttpResponse>> around(
      org.apache.pekko.japi.function.Function<HttpRequest, CompletionStage<HttpResponse>>
          generated) {
    return request -> {
      if (!PATH.equals(request.getUri().path())) {
        return generated.apply(request);
      }
      HttpRequest plain =
          request.getHeader(ACCEPT_ENCODING).isPresent()
              ? request.removeHeader(ACCEPT_ENCODING)
              : request;
      if (plain.entity() instanceof HttpEntity.Strict strict) {
        Optional<CompletionStage<HttpResponse>> answered =
            GrpcMarshalling.negotiated(
                plain,
                (GrpcProtocol.GrpcProtocolReader reader, GrpcProtocol.GrpcProtocolWriter writer) ->
                    answered(plain, strict, reader, writer));
        // A call in an encoding pekko-grpc does not know is refused by the generated handler.
        return answered.isPresent() ? answered.get() : generated.apply(plain);
      }
      return generated.apply(plain);
    };
  }

  private CompletionStage<HttpResponse> answered(
      HttpRequest request,
      HttpEntity.Strict strict,
      GrpcProtocol.GrpcProtocolReader reader,
      GrpcProtocol.GrpcProtocolWriter writer) {
    Metadata metadata = MetadataBuilder.fromHeaders(request.getHeaders());
    CompletionStage<InvokeReply> reply;
    try {
      InvokeRequest in =
          InvokeService.Serializers.InvokeRequestSerializer.deserialize(
              reader.decodeSingleFrame().apply(strict.getData()));
      reply = service.invoke(in, metadata);
    } catch (RuntimeException failure) {
      reply = CompletableFuture.failedFuture(failure);
    }
    return reply
        .thenApply(
            answer ->
                GrpcMarshalling.marshal(
                    answer,
                    InvokeService.Serializers.InvokeReplySerializer,
                    writer,
                    system,
                    errors))
        .exceptionally(failure -> GrpcExceptionHandler.standard(failure, errors, writer, system));
  }
}
