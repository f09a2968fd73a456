package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.config.WebSocketSettings;
import dev.ben.contracts.testbench.EventLines;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-bench request's parameters, checked: the pipeline (and optionally the events' schema), the
 * contracts (sources typed in the page, or a version of the pipeline) and the NDJSON events, within
 * the socket's bounds. {@code sources} is null when a version is named.
 */
record TestBenchParams(
    String pipeline,
    String schema,
    VersionSelector version,
    Map<String, String> sources,
    List<EventLines.Line> events) {

  static TestBenchParams parse(JsonNode params, WebSocketSettings limits) {
    String pipeline = text(params, "pipeline", true);
    String schema = text(params, "schema", false);
    JsonNode sourcesNode = params.get("sources");
    Map<String, String> sources = null;
    VersionSelector version = null;
    if (sourcesNode == null || sourcesNode.isNull()) {
      version = VersionSelector.parse(params.get("version"));
    } else {
      sources = sources(sourcesNode);
    }
    String events = text(params, "events", true);
    long bytes = events.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.testbenchMaxEventBytes()) {
      throw new IllegalArgumentException(
          "events are "
              + bytes
              + " bytes, more than the test bench takes ("
              + limits.testbenchMaxEventBytes()
              + ", ben.gateway.socket.testbench-max-event-bytes); send fewer");
    }
    List<EventLines.Line> lines = EventLines.of(events);
    if (lines.size() > limits.testbenchMaxEvents()) {
      throw new IllegalArgumentException(
          "events hold "
              + lines.size()
              + " events, more than the test bench runs at once ("
              + limits.testbenchMaxEvents()
              + ", ben.gateway.socket.testbench-max-events); send fewer");
    }
    return new TestBenchParams(pipeline, schema, version, sources, lines);
  }

  private static Map<String, String> sources(JsonNode sources) {
    if (!sources.isArray()) {
      throw new IllegalArgumentException(
          "sources must be an array of {\"path\",\"text\"} (ben.project and the .ben files) or null");
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (JsonNode file : sources) {
      String path = text(file, "path", true);
      if (files.put(path, text(file, "text", true)) != null) {
        throw new IllegalArgumentException("sources name " + path + " twice");
      }
    }
    return files;
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.isObject() ? node.get(field) : null;
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException(field + " is missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be text, not " + value.getNodeType());
    }
    return value.asText();
  }
}
