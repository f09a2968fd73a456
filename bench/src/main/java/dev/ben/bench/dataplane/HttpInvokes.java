package dev.ben.bench.dataplane;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Invocations over HTTP/1.1 on a fixed number of keep-alive connections: one sender thread per
 * connection takes the next due request and waits for its answer, so the node sees exactly that
 * many connections however slow it is (requests not yet sent wait here, and their wait counts as
 * latency), as a client pool in front of a service would. OkHttp's blocking calls run on the sender
 * itself (no selector thread, no hand-over per request), so the load costs the 2-core machine it
 * shares with the node little CPU; a failed request is never retried, it is counted.
 */
final class HttpInvokes implements InvokeTransport {

  private static final MediaType JSON = MediaType.get("application/json");

  private record Due(String event, Consumer<String> done) {}

  private static final Due STOP = new Due(null, null);

  private final LinkedBlockingQueue<Due> due = new LinkedBlockingQueue<>();
  private final List<Thread> senders = new ArrayList<>();
  private final OkHttpClient client;

  HttpInvokes(String base, String key, String pipeline, int connections) {
    this.client =
        new OkHttpClient.Builder()
            .protocols(List.of(Protocol.HTTP_1_1))
            .connectionPool(new ConnectionPool(connections, 5, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(10))
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
    String url = base + "/api/v1/invoke/" + pipeline;
    String authorization = "Bearer " + key;
    for (int c = 0; c < connections; c++) {
      Thread sender = new Thread(() -> sendAll(url, authorization), "invoke-http-" + c);
      sender.setDaemon(true);
      senders.add(sender);
      sender.start();
    }
  }

  @Override
  public void send(String event, Consumer<String> done) {
    due.add(new Due(event, done));
  }

  private void sendAll(String url, String authorization) {
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
      next.done().accept(sent(url, authorization, next.event()));
    }
  }

  /** The whole answer is read, so a decision counts only once it has arrived. */
  private String sent(String url, String authorization, String event) {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", authorization)
            .post(RequestBody.create(event.getBytes(StandardCharsets.UTF_8), JSON))
            .build();
    try (Response response = client.newCall(request).execute()) {
      response.body().bytes();
      return response.code() == 200 ? null : "HTTP " + response.code();
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
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
