package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.junit.jupiter.api.Test;

/** Which ingest requests go straight to the invocation endpoint, and which through the routes. */
class IngestDispatchTest {

  @Test
  void aPlainInvocationIsDirectWithItsPipeline() {
    assertEquals(
        Optional.of("auth"), IngestDispatch.invoked(HttpRequest.POST("/api/v1/invoke/auth")));
    assertEquals(
        Optional.of("a-b_c.1~"),
        IngestDispatch.invoked(HttpRequest.POST("http://node:8080/api/v1/invoke/a-b_c.1~")));
  }

  @Test
  void everyOtherRequestIsRouted() {
    assertEquals(Optional.empty(), IngestDispatch.invoked(HttpRequest.GET("/api/v1/invoke/auth")));
    assertEquals(Optional.empty(), IngestDispatch.invoked(HttpRequest.PUT("/api/v1/invoke/auth")));
    assertEquals(
        Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/api/v1/invoke/auth?app=x")));
    assertEquals(Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/api/v1/invoke/")));
    assertEquals(Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/api/v1/invoke")));
    assertEquals(Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/api/v1/invoke/a/b")));
    assertEquals(Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/api/v1/invoke/a/")));
    assertEquals(
        Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/api/v1/invoke/a%2Fb")));
    assertEquals(
        Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/api/v1/invoke/a%20b")));
    assertEquals(Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/api/v1/events")));
    assertEquals(
        Optional.empty(), IngestDispatch.invoked(HttpRequest.POST("/x/api/v1/invoke/auth")));
  }
}
