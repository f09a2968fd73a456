package dev.ben.tests.control;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A JSON body posted to an ingest-port route as an app, with its bearer key. */
final class AppKeyPosts {

  private AppKeyPosts() {}

  static HttpResponse<String> post(HttpClient http, URI uri, String key, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
