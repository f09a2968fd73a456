package dev.ben.streams.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One accepted event on its way through a pipeline.
 *
 * @param eventId unique id assigned at ingest; the store deduplicates on it so retried batches never duplicate
 * @param pipeline the pipeline the event was sent to
 * @param app the application that sent it (signals caused by it go back to this app)
 * @param receivedAtMillis wall-clock time the sidecar accepted it
 * @param body the event as the application sent it (contracts later replace this with a typed record)
 */
public record Envelope(String eventId, String pipeline, String app, long receivedAtMillis, ObjectNode body) {

  public Envelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(body, "body");
  }
}
