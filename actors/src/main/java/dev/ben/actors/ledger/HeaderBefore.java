package dev.ben.actors.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.ledger.LedgerEvent;
import dev.ben.streams.ledger.PipelineHeader;
import dev.ben.streams.ledger.PipelineStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The header as it was before an activation, kept in the data of the activation's start event, so a
 * ledger that restarts mid-activation can put it back exactly (an archived pipeline stays archived)
 * instead of guessing.
 */
final class HeaderBefore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STARTS = List.of("deploy", "rollback");

  private HeaderBefore() {}

  static String json(PipelineHeader before) {
    var data = JSON.createObjectNode();
    data.putObject("before").put("status", before.status().name()).put("version", before.version());
    return data.toString();
  }

  /**
   * The header before the newest start event of {@code version}, read from the pipeline's events.
   */
  static Optional<PipelineHeader> of(
      List<LedgerEvent> events, long version, PipelineHeader current) {
    for (int i = events.size() - 1; i >= 0; i--) {
      LedgerEvent event = events.get(i);
      if (event.version() == version && STARTS.contains(event.type())) {
        return read(event.dataJson(), current);
      }
    }
    return Optional.empty();
  }

  private static Optional<PipelineHeader> read(String dataJson, PipelineHeader current) {
    try {
      JsonNode before = JSON.readTree(dataJson).path("before");
      if (!before.path("status").isTextual() || !before.path("version").canConvertToLong()) {
        return Optional.empty();
      }
      return Optional.of(
          current.with(
              PipelineStatus.valueOf(before.get("status").asText()),
              before.get("version").asLong()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
