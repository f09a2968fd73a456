package dev.ben.benctl.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.api.events.Event;
import dev.ben.api.events.Lineage;
import dev.ben.api.events.LineageNode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.remote.Target;
import java.io.IOException;
import java.time.Instant;

/**
 * Events and lineage trees as benctl prints them: JSON in the shapes ben_api answers, and the tree
 * drawn with {@code ├─}/{@code └─}, one event a line with its type, time, source and entry.
 */
final class EventViews {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventViews() {}

  static ObjectNode json(Event e) {
    ObjectNode out = Json.object();
    out.put("event_id", e.getId());
    out.put("type", e.getType());
    out.put("source", e.getSource());
    out.put("entry", e.getEntry());
    out.set("data", data(e.getDataJson()));
    out.put("parent_id", e.getParentId().isEmpty() ? null : e.getParentId());
    ObjectNode subjects = out.putObject("subjects");
    subjects.put("pipeline", orNull(e.getSubjects().getPipeline()));
    subjects.put("contract_version", orNull(e.getSubjects().getContractVersion()));
    subjects.put("app", orNull(e.getSubjects().getApp()));
    subjects.put("user_key", orNull(e.getSubjects().getUserKey()));
    out.put("at", e.getCreatedAtMillis());
    out.put("position", e.getPosition());
    return out;
  }

  static ObjectNode json(Lineage lineage) {
    ObjectNode out = Json.object();
    out.put("focus_id", lineage.getFocusId());
    out.put("nodes", lineage.getNodes());
    out.put("left_out", lineage.getLeftOut());
    out.put("ancestors_cut", lineage.getAncestorsCut());
    out.set("root", json(lineage.getRoot()));
    return out;
  }

  private static ObjectNode json(LineageNode node) {
    ObjectNode out = Json.object();
    out.put("relation", node.getRelation());
    out.put("focus", node.getFocus());
    if (node.hasEvent()) {
      out.set("event", json(node.getEvent()));
      out.putNull("reference");
    } else {
      out.putNull("event");
      out.put("reference", node.getReference());
    }
    ArrayNode children = out.putArray("children");
    node.getChildrenList().forEach(child -> children.add(json(child)));
    return out;
  }

  /** The tree, the root unindented, each child under its parent with a branch. */
  static String tree(Lineage lineage) {
    StringBuilder out = new StringBuilder();
    if (lineage.getAncestorsCut()) {
      out.append("(older ancestors not shown)\n");
    }
    out.append(line(lineage.getRoot())).append('\n');
    branches(lineage.getRoot(), "", out);
    if (lineage.getLeftOut() > 0) {
      out.append("(")
          .append(lineage.getLeftOut())
          .append(" more not shown; ben.eventlog.queries.tree-max-depth and tree-max-nodes bound")
          .append(" the tree)\n");
    }
    return out.toString();
  }

  private static void branches(LineageNode node, String indent, StringBuilder out) {
    int count = node.getChildrenCount();
    for (int i = 0; i < count; i++) {
      LineageNode child = node.getChildren(i);
      boolean last = i == count - 1;
      out.append(indent).append(last ? "└─ " : "├─ ").append(line(child)).append('\n');
      branches(child, indent + (last ? "   " : "│  "), out);
    }
  }

  private static String line(LineageNode node) {
    String relation =
        switch (node.getRelation()) {
          case "root", "child" -> "";
          case "caused_by" -> "caused by: ";
          default -> node.getRelation() + ": ";
        };
    String marker = node.getFocus() ? "  ◀" : "";
    if (!node.hasEvent()) {
      return relation + "stored event " + node.getReference() + marker;
    }
    Event e = node.getEvent();
    return relation
        + e.getType()
        + "  "
        + Target.time(Instant.ofEpochMilli(e.getCreatedAtMillis()))
        + "  "
        + e.getSource()
        + (e.getEntry().isEmpty() ? "" : "  " + e.getEntry())
        + "  ("
        + e.getId()
        + ")"
        + marker;
  }

  private static String orNull(String value) {
    return value.isEmpty() ? null : value;
  }

  private static JsonNode data(String json) {
    try {
      return json.isEmpty() ? JsonNodeFactory.instance.objectNode() : MAPPER.readTree(json);
    } catch (IOException e) {
      return JsonNodeFactory.instance.textNode(json);
    }
  }
}
