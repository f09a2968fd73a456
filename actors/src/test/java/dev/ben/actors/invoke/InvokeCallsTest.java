package dev.ben.actors.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ben.api.control.InvokeReply;
import dev.ben.api.control.InvokeRequest;
import dev.ben.api.control.InvokeServicePowerApi;
import io.grpc.Status;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.grpc.javadsl.GrpcExceptionHandler;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Invoke calls on the control port: one that arrived whole is decoded and answered here,
 * uncompressed even when the caller accepts gzip, its refusals as their gRPC statuses; a streamed
 * one and every other method go to the generated handler.
 */
class InvokeCallsTest {

  private static final ActorTestKit KIT = ActorTestKit.create();

  private final List<InvokeRequest> asked = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private final List<HttpRequest> passedOn = new ArrayList<>();
  private final Function<HttpRequest, CompletionStage<HttpResponse>> generated =
      request -> {
        passedOn.add(request);
        return CompletableFuture.completedFuture(HttpResponse.create().withStatus(418));
      };

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void aWholeCallIsDecodedHereAndAnsweredUncompressed() throws Exception {
    HttpResponse response = call(answering(), whole(PATH_INVOKE));

    assertEquals(List.of("auth"), asked.stream().map(InvokeRequest::getPipeline).toList());
    assertEquals("{\"user\":\"ann\"}", asked.get(0).getEventJson().toStringUtf8());
    assertEquals(List.of("Bearer k"), keys);
    assertTrue(passedOn.isEmpty(), "the generated handler was not asked");
    assertEquals(StatusCodes.OK, response.status());
    assertFalse(
        response.getHeader("grpc-encoding").map(h -> h.value().equals("gzip")).orElse(false),
        "no gzip for a few hundred bytes");
    byte[] body =
        response
            .entity()
            .toStrict(5_000, KIT.system())
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS)
            .getData()
            .toArray();
    assertEquals(0, body[0], "the message is not compressed");
    InvokeReply reply = InvokeReply.parseFrom(ByteBuffer.wrap(body, 5, body.length - 5));
    assertEquals("e-1", reply.getEventId());
  }

  @Test
  void aRefusalIsAnsweredAsItsStatus() throws Exception {
    InvokeServicePowerApi refusing =
        (in, metadata) ->
            CompletableFuture.failedFuture(
                new GrpcServiceException(Status.UNAUTHENTICATED.withDescription("no key")));

    HttpResponse response = call(refusing, whole(PATH_INVOKE));

    assertEquals("16", response.getHeader("grpc-status").map(h -> h.value()).orElse("none"));
  }

  @Test
  void aStreamedCallAndOtherMethodsGoToTheGeneratedHandler() throws Exception {
    HttpRequest streamed =
        whole(PATH_INVOKE)
            .withEntity(
                HttpEntities.create(
                    ContentTypes.create(MediaTypes.applicationBinary("grpc", false)),
                    Source.single(frame())));
    HttpRequest other = whole("/" + dev.ben.api.control.InvokeService.name + "/Other");

    assertEquals(418, call(answering(), streamed).status().intValue());
    assertEquals(418, call(answering(), other).status().intValue());
    assertEquals(2, passedOn.size());
    assertTrue(asked.isEmpty());
  }

  private static final String PATH_INVOKE = InvokeCalls.PATH;

  private InvokeServicePowerApi answering() {
    return (in, metadata) -> {
      asked.add(in);
      metadata.getText("authorization").ifPresent(keys::add);
      return CompletableFuture.completedFuture(
          InvokeReply.newBuilder().setEventId("e-1").setPipeline(in.getPipeline()).build());
    };
  }

  @SuppressWarnings("deprecation")
  private HttpResponse call(InvokeServicePowerApi service, HttpRequest request) throws Exception {
    return new InvokeCalls(service, GrpcExceptionHandler.defaultMapper(), KIT.system())
        .around(generated)
        .apply(request)
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  private static HttpRequest whole(String path) {
    RequestEntity entity =
        HttpEntities.create(
            ContentTypes.create(MediaTypes.applicationBinary("grpc", false)), frame().toArray());
    return HttpRequest.create(path)
        .withMethod(HttpMethods.POST)
        .addHeader(RawHeader.create("te", "trailers"))
        .addHeader(RawHeader.create("grpc-accept-encoding", "gzip"))
        .addHeader(RawHeader.create("authorization", "Bearer k"))
        .withEntity(entity);
  }

  /** One uncompressed gRPC message: a flag byte, the length, the request. */
  private static org.apache.pekko.util.ByteString frame() {
    byte[] message =
        InvokeRequest.newBuilder()
            .setPipeline("auth")
            .setEventJson(ByteString.copyFromUtf8("{\"user\":\"ann\"}"))
            .build()
            .toByteArray();
    return org.apache.pekko.util.ByteString.fromArray(
        ByteBuffer.allocate(5 + message.length)
            .put((byte) 0)
            .putInt(message.length)
            .put(message)
            .array());
  }
}
