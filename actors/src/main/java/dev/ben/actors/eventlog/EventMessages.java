package dev.ben.actors.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.api.events.Claim;
import dev.ben.api.events.Component;
import dev.ben.api.events.Consumption;
import dev.ben.api.events.Event;
import dev.ben.api.events.Lineage;
import dev.ben.api.events.LineageNode;
import dev.ben.api.events.PublishRequest;
import dev.ben.api.events.Subjects;
import dev.ben.streams.eventlog.ConsumerStatus;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventRefusedException;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.LogEvent;
import dev.ben.streams.eventlog.StoredEvent;
import java.io.IOException;
import java.util.HashSet;

/** The event log's values as the gRPC messages of {@code events.proto}, and back. */
final class EventMessages {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventMessages() {}

  static Event event(StoredEvent stored) {
    LogEvent e = stored.event();
    return Event.newBuilder()
        .setId(e.id())
        .setType(e.type())
        .setSource(e.source())
        .setEntry(e.entry())
        .setDataJson(e.data().toString())
        .setParentId(e.parentId() == null ? "" : e.parentId())
        .setSubjects(subjects(e.subjects()))
        .setCreatedAtMillis(e.createdAt().toEpochMilli())
        .setPosition(stored.position())
        .build();
  }

  static EventDraft draft(PublishRequest in) {
    Subjects s = in.getSubjects();
    return new EventDraft(
        in.getType(),
        in.getEntry(),
        data(in.getDataJson()),
        in.getParentId(),
        new EventSubjects(s.getPipeline(), s.getContractVersion(), s.getApp(), s.getUserKey()));
  }

  static Consumption consumption(dev.ben.streams.eventlog.Consumption c) {
    return Consumption.newBuilder()
        .setEventId(c.eventId())
        .setConsumer(c.consumer())
        .setStatus(dev.ben.api.events.ConsumerStatus.valueOf(c.status().name()))
        .setNote(c.note())
        .setAttempt(c.attempt())
        .setLeaseMillis(c.lease().toMillis())
        .setLeaseUntilMillis(c.leaseUntil() == null ? 0 : c.leaseUntil().toEpochMilli())
        .setUpdatedAtMillis(c.updatedAt().toEpochMilli())
        .build();
  }

  static Claim claim(dev.ben.streams.eventlog.Claim c) {
    return Claim.newBuilder()
        .setEvent(event(c.event()))
        .setConsumption(consumption(c.consumption()))
        .build();
  }

  /** The status a move asks for; none named is refused naming the field. */
  static ConsumerStatus status(dev.ben.api.events.ConsumerStatus status) {
    return switch (status) {
      case CONSUMER_STATUS_UNSPECIFIED, UNRECOGNIZED, STARTED ->
          throw new EventRefusedException(
              EventRefusedException.Kind.INVALID,
              "/status",
              "name the status to move to: IN_PROGRESS, SUCCEEDED, FAILED, CANCELLED or"
                  + " ACKNOWLEDGED (only a claim starts an event)");
      default -> ConsumerStatus.valueOf(status.name());
    };
  }

  static Component component(dev.ben.streams.eventlog.Component c) {
    return Component.newBuilder()
        .setName(c.name())
        .addAllPublishes(c.publishes().stream().sorted().toList())
        .addAllConsumes(c.consumes().stream().sorted().toList())
        .build();
  }

  static dev.ben.streams.eventlog.Component component(Component c) {
    return new dev.ben.streams.eventlog.Component(
        c.getName(), new HashSet<>(c.getPublishesList()), new HashSet<>(c.getConsumesList()));
  }

  static Lineage lineage(dev.ben.streams.eventlog.query.Lineage lineage) {
    return Lineage.newBuilder()
        .setFocusId(lineage.focusId())
        .setRoot(node(lineage.root()))
        .setNodes(lineage.nodes())
        .setLeftOut(lineage.leftOut())
        .setAncestorsCut(lineage.ancestorsCut())
        .build();
  }

  private static LineageNode node(dev.ben.streams.eventlog.query.LineageNode node) {
    LineageNode.Builder out =
        LineageNode.newBuilder().setRelation(node.relation().label()).setFocus(node.focus());
    if (node.event() != null) {
      out.setEvent(event(node.event()));
    } else {
      out.setReference(node.reference());
    }
    node.children().forEach(child -> out.addChildren(node(child)));
    return out.build();
  }

  private static Subjects subjects(EventSubjects s) {
    Subjects.Builder out = Subjects.newBuilder();
    if (s.pipeline() != null) {
      out.setPipeline(s.pipeline());
    }
    if (s.contractVersion() != null) {
      out.setContractVersion(s.contractVersion());
    }
    if (s.app() != null) {
      out.setApp(s.app());
    }
    if (s.userKey() != null) {
      out.setUserKey(s.userKey());
    }
    return out.build();
  }

  private static JsonNode data(String json) {
    if (json.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || !tree.isObject()) {
        throw new EventRefusedException(
            EventRefusedException.Kind.INVALID, "/data", "must be a JSON object");
      }
      return tree;
    } catch (IOException e) {
      throw new EventRefusedException(
          EventRefusedException.Kind.INVALID, "/data", "is not JSON: " + e.getMessage());
    }
  }
}
