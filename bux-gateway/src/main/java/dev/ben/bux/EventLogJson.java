package dev.ben.bux;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.LogEvent;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.query.Decisions;
import dev.ben.streams.eventlog.query.EventPage;
import dev.ben.streams.eventlog.query.Lineage;
import dev.ben.streams.eventlog.query.LineageNode;

/**
 * The event log's answers as ben_api's JSON: snake_case names, times as epoch ms ({@code at}), an
 * absent subject or parent as null.
 */
final class EventLogJson {

  private final ObjectMapper mapper;

  EventLogJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode page(long at, EventPage page) {
    ObjectNode body = mapper.createObjectNode().put("at", at);
    ArrayNode events = body.putArray("events");
    page.events().forEach(e -> event(events.addObject(), e));
    return body.put("next_position", page.nextPosition()).put("more", page.more());
  }

  ObjectNode event(long at, StoredEvent stored) {
    ObjectNode body = mapper.createObjectNode().put("at", at);
    event(body.putObject("event"), stored);
    return body;
  }

  ObjectNode tree(long at, Lineage lineage) {
    ObjectNode body = mapper.createObjectNode().put("at", at);
    body.put("focus_id", lineage.focusId());
    body.put("nodes", lineage.nodes());
    body.put("left_out", lineage.leftOut());
    body.put("ancestors_cut", lineage.ancestorsCut());
    node(body.putObject("root"), lineage.root());
    return body;
  }

  ObjectNode decisions(long at, Decisions.Page page) {
    ObjectNode body = mapper.createObjectNode().put("at", at);
    ArrayNode decisions = body.putArray("decisions");
    for (Decisions.Decision decision : page.decisions()) {
      ObjectNode out = explained(event(decisions.addObject(), decision.decision()));
      ArrayNode signals = out.putArray("signals");
      for (Decisions.SignalTrail trail : decision.signals()) {
        ObjectNode signal = event(signals.addObject(), trail.published());
        ArrayNode outcomes = signal.putArray("outcomes");
        trail.outcomes().forEach(o -> event(outcomes.addObject(), o));
      }
    }
    return body.put("next_position", page.nextPosition()).put("more", page.more());
  }

  /**
   * One entry of the decisions topic: the event as ben_api shows it, a firing or suppression with
   * its outcome and explanation as in {@code /api/v1/decisions}, and the pipeline and playbook it
   * is about (null when unknown) at its top level, where the topic's filter reads them.
   */
  ObjectNode decisionEntry(StoredEvent stored, String playbook) {
    ObjectNode out = event(mapper.createObjectNode(), stored);
    if (stored.event().type().startsWith("playbook.")) {
      explained(out);
    }
    out.put("pipeline", stored.event().subjects().pipeline());
    out.put("playbook", playbook);
    return out;
  }

  /** A decision's outcome (fired, suppressed) and explanation beside its event's fields. */
  private static ObjectNode explained(ObjectNode out) {
    String type = out.path("type").asText();
    out.put("outcome", type.substring(type.indexOf('.') + 1));
    out.put("explanation", out.path("data").path("explanation").asText(out.path("entry").asText()));
    return out;
  }

  private void node(ObjectNode out, LineageNode node) {
    out.put("relation", node.relation().label());
    out.put("focus", node.focus());
    if (node.event() != null) {
      event(out.putObject("event"), node.event());
      out.putNull("reference");
    } else {
      out.putNull("event");
      out.put("reference", node.reference());
    }
    ArrayNode children = out.putArray("children");
    node.children().forEach(child -> node(children.addObject(), child));
  }

  private static ObjectNode event(ObjectNode out, StoredEvent stored) {
    LogEvent e = stored.event();
    out.put("event_id", e.id());
    out.put("type", e.type());
    out.put("source", e.source());
    out.put("entry", e.entry());
    out.set("data", e.data());
    out.put("parent_id", e.parentId());
    EventSubjects s = e.subjects();
    out.putObject("subjects")
        .put("pipeline", s.pipeline())
        .put("contract_version", s.contractVersion())
        .put("app", s.app())
        .put("user_key", s.userKey());
    out.put("at", e.createdAt().toEpochMilli());
    out.put("position", stored.position());
    return out;
  }
}
