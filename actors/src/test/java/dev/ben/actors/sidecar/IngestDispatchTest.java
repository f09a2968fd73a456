package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.actors.sidecar.IngestDispatch.Direct;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.junit.jupiter.api.Test;

/** Which ingest requests go straight to their endpoint, and which through the routes. */
class IngestDispatchTest {

  @Test
  void aPlainInvocationIsDirectWithItsPipeline() {
    assertEquals(direct("invoke", "auth"), IngestDispatch.direct(post("/api/v1/invoke/auth")));
    assertEquals(
        direct("invoke", "a-b_c.1~"),
        IngestDispatch.direct(post("http://node:8080/api/v1/invoke/a-b_c.1~")));
  }

  @Test
  void aPlainNdjsonPostIsDirectWithItsPipeline() {
    assertEquals(
        direct("events", "auth"), IngestDispatch.direct(post("/api/v1/events?pipeline=auth")));
  }

  @Test
  void everyOtherRequestIsRouted() {
    for (String uri :
        new String[] {
          "/api/v1/invoke/auth?app=x",
          "/api/v1/invoke/",
          "/api/v1/invoke",
          "/api/v1/invoke/a/b",
          "/api/v1/invoke/a/",
          "/api/v1/invoke/a%2Fb",
          "/api/v1/invoke/a%20b",
          "/x/api/v1/invoke/auth",
          "/api/v1/events",
          "/api/v1/events/",
          "/api/v1/events?pipeline=",
          "/api/v1/events?pipeline=a&app=x",
          "/api/v1/events?app=x&pipeline=a",
          "/api/v1/events?pipeline=a%20b",
          "/api/v1/beacon/log?pipeline=auth",
          "/api/v1/screen"
        }) {
      assertEquals(Optional.empty(), IngestDispatch.direct(post(uri)), uri);
    }
    assertEquals(Optional.empty(), IngestDispatch.direct(HttpRequest.GET("/api/v1/invoke/auth")));
    assertEquals(Optional.empty(), IngestDispatch.direct(HttpRequest.PUT("/api/v1/invoke/auth")));
    assertEquals(
        Optional.empty(), IngestDispatch.direct(HttpRequest.GET("/api/v1/events?pipeline=auth")));
  }

  private static HttpRequest post(String uri) {
    return HttpRequest.POST(uri);
  }

  private static Optional<Direct> direct(String route, String pipeline) {
    return Optional.of(new Direct(route, pipeline));
  }
}
