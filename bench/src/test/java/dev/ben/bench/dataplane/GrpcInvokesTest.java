package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class GrpcInvokesTest {

  @Test
  void aFailureIsKeyedByItsCodeAndDescription() {
    assertEquals(
        "UNAVAILABLE (Connection closed after GOAWAY)",
        GrpcInvokes.failure(Status.UNAVAILABLE.withDescription("Connection closed after GOAWAY")));
  }

  @Test
  void aFailureWithoutDescriptionIsKeyedByItsCause() {
    assertEquals(
        "UNAVAILABLE (java.io.IOException: Connection reset by peer)",
        GrpcInvokes.failure(
            Status.UNAVAILABLE.withCause(new IOException("Connection reset by peer"))));
  }

  @Test
  void aBareFailureIsKeyedByItsCode() {
    assertEquals("DEADLINE_EXCEEDED", GrpcInvokes.failure(Status.DEADLINE_EXCEEDED));
  }

  @Test
  void aLongDescriptionIsShortenedToStayOneKey() {
    String key = GrpcInvokes.failure(Status.INTERNAL.withDescription("x".repeat(200)));
    assertEquals("INTERNAL (" + "x".repeat(80) + "...)", key);
  }
}
