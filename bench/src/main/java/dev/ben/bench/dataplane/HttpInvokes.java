package dev.ben.bench.dataplane;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Invocations over HTTP/1.1 on a fixed number of keep-alive connections: one sender thread per
 * connection takes the next due request and waits for its answer, so the node sees exactly that
 * many connections however slow it is (requests not yet sent wait here, and their wait counts as
 * latency), as a client pool in front of a service would.
 */
final class HttpInvokes implements InvokeTransport {

  private record Due(String event, Consumer<String> done) {}

  private static final Due STOP = new Due(null, null);

  private final LinkedBlockingQueue<Due> due = new LinkedBlockingQueue<>();
  private final List<Thread> senders = new ArrayList<>();

  HttpInvokes(String base, String key, String pipeline, int connections) {
    URI uri = URI.create(base + "/api/v1/invoke/" + pipeline);
    for (int c = 0; c < connections; c++) {
      // A client per sender: its connection is reused for every request it sends, one at a time.
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      Thread sender = new Thread(() -> sendAll(client, uri, "Bearer " + key), "invoke-http-" + c);
      sender.setDaemon(true);
      senders.add(sender);
      sender.start();
    }
  }

  @Override
  public void send(String event, Consumer<String> done) {
    due.add(new Due(event, done));
  }

  private void sendAll(HttpClient client, URI uri, String authorization) {
    while (true) {
      Due next;
      try {
        next = due.take();
      } catch (InterruptedException e) {
        return;
      }
      if (next == STOP) {
        return;
      }
      next.done().accept(sent(client, uri, authorization, next.event()));
    }
  }

  private static String sent(HttpClient client, URI uri, String authorization, String event) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", authorization)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString(event))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      return InvokeLoad.rootCause(e);
    }
  }

  @Override
  public void stop() throws InterruptedException {
    senders.forEach(sender -> due.add(STOP));
    for (Thread sender : senders) {
      sender.join();
    }
  }
}
