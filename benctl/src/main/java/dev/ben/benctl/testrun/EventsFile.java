package dev.ben.benctl.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.contracts.testbench.EventLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One NDJSON events file and its optional {@code .expect} sibling ({@code attack.ndjson} ↔ {@code
 * attack.expect}): one JSON object per non-blank event line, in the same order; {@code #} lines in
 * an expect file are comments.
 */
final class EventsFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventsFile() {}

  static List<EventLines.Line> events(Path file) {
    return EventLines.of(readLines(file, "events file"));
  }

  static Path expectFileOf(Path events) {
    String name = events.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return events.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".expect");
  }

  /**
   * The expectations of an expect file, one object per event; refuses a line that is not a JSON
   * object.
   */
  static List<JsonNode> expectations(Path expectFile) {
    List<JsonNode> expectations = new ArrayList<>();
    List<String> all = readLines(expectFile, "expect file");
    for (int i = 0; i < all.size(); i++) {
      String line = all.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (!(node instanceof ObjectNode)) {
          throw CommandFailure.refused(
              expectFile + ":" + (i + 1) + ": expected a JSON object per event, got " + line);
        }
        expectations.add(node);
      } catch (IOException e) {
        throw CommandFailure.refused(
            expectFile + ":" + (i + 1) + ": not JSON: " + e.getMessage(), e);
      }
    }
    return expectations;
  }

  private static List<String> readLines(Path file, String what) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CommandFailure.refused("cannot read " + what + " " + file + ": " + e.getMessage(), e);
    }
  }
}
