package dev.ben.tests.dataplane;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One app's server-sent signal stream, opened with the app's key (which decides the app), read in
 * the background: the {@code data:} lines as they arrive.
 */
public final class SignalStreams implements AutoCloseable {

  private final List<String> data = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;

  public SignalStreams(HttpClient http, int ingestPort, String key) {
    this.response =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/api/v1/signals"))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(
        r ->
            r.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> data.add(line.substring(5).strip())));
  }

  /** Whether the stream is open (the server answered its headers). */
  public boolean open() {
    return response.isDone()
        && !response.isCompletedExceptionally()
        && response.join().statusCode() == 200;
  }

  public List<String> data() {
    return List.copyOf(data);
  }

  @Override
  public void close() {
    response.cancel(true);
  }
}
