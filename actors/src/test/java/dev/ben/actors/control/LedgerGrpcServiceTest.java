package dev.ben.actors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.ledger.LedgerRefusal;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How the ledger's failed answers reach benctl: the gRPC status of each refusal kind. */
class LedgerGrpcServiceTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  @Test
  void everyRefusalKindHasItsStatusAndKeepsItsMessage() {
    Map<LedgerRefusal.Kind, Status.Code> codes =
        Map.of(
            LedgerRefusal.Kind.INVALID, Status.Code.INVALID_ARGUMENT,
            LedgerRefusal.Kind.UNTRUSTED, Status.Code.PERMISSION_DENIED,
            LedgerRefusal.Kind.NOT_FOUND, Status.Code.NOT_FOUND,
            LedgerRefusal.Kind.CONFLICT, Status.Code.FAILED_PRECONDITION);
    codes.forEach(
        (kind, code) -> {
          Status status =
              LedgerGrpcService.failed(new LedgerRefusal(kind, "why " + kind), TIMEOUT).getStatus();
          assertEquals(code, status.getCode(), kind.name());
          assertEquals("why " + kind, status.getDescription());
        });
  }

  @Test
  void aRefusalWrappedByTheFutureIsStillARefusal() {
    var wrapped =
        new CompletionException(new LedgerRefusal(LedgerRefusal.Kind.NOT_FOUND, "no pipeline"));

    assertEquals(
        Status.Code.NOT_FOUND, LedgerGrpcService.failed(wrapped, TIMEOUT).getStatus().getCode());
  }

  @Test
  void noAnswerInTimeIsUnavailableWithTheWait() {
    Status status =
        LedgerGrpcService.failed(new TimeoutException("Ask timed out"), TIMEOUT).getStatus();

    assertEquals(Status.Code.UNAVAILABLE, status.getCode());
    assertTrue(
        status.getDescription().startsWith("the ledger did not answer within 15 s (Ask timed out)"),
        status.getDescription());
  }
}
