package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.wal.WalRefusedException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A beacon is answered only once the node's ingest log holds it, like every ingest answer: a log
 * that takes nothing (full at its bound) refuses the beacon with 503, counted under the log's
 * reason, and nothing is accepted.
 */
@CapturedLogs
class BeaconLogTest {

  private static final String SHOP = "https://shop.example";

  @Test
  void aBeaconTheLogDoesNotTakeIsRefusedAndCountedNotAccepted() throws Exception {
    try (TestNode node =
        new TestNode(
            "ben.node.pass-through-pipelines = [web]\nben.wal.max-bytes = 1", batch -> {})) {
      node.appKey("site", SHOP);
      HttpResponse<String> answer =
          node.http()
              .send(
                  HttpRequest.newBuilder(node.ingest("/api/v1/beacon?pipeline=web&site=site&n=1"))
                      .header("Origin", SHOP)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(503, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("nothing was accepted"), answer.body());
      StageCounters sidecar = new StageCounters(node.metrics, "web", "sidecar");
      assertEquals(1, sidecar.value(Outcome.REFUSED, WalRefusedException.FULL));
      assertEquals(0, sidecar.total(Outcome.ACCEPTED));
    }
  }
}
