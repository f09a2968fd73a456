package dev.ben.actors.node.servers;

import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * Request bodies still on their way, held to a minimum rate; their kind and declared length stay as
 * the client sent them, which routes check. A body already read whole is left alone.
 */
final class RequestBodies {

  private RequestBodies() {}

  static HttpRequest atMinimumRate(HttpRequest request, Supplier<MinimumBodyRate> rate) {
    RequestEntity entity = request.entity();
    if (entity instanceof HttpEntity.Default streamed) {
      return request.withEntity(
          HttpEntities.create(
              streamed.getContentType(),
              streamed.getContentLength(),
              streamed.getDataBytes().via(Flow.fromGraph(rate.get()))));
    }
    if (entity instanceof HttpEntity.Chunked chunked) {
      return request.withEntity(
          HttpEntities.createChunked(
              chunked.getContentType(), chunked.getDataBytes().via(Flow.fromGraph(rate.get()))));
    }
    return request;
  }
}
