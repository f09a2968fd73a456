package dev.ben.actors.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.EventType;
import dev.ben.contracts.model.EventTypeNames;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.ProjectTypes;
import dev.ben.streams.eventlog.emit.EventEmitter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's steps as events of the event log, beside its own history (which stays what {@code
 * benctl status --history} shows). Each step's event has the id of the ledger's own record of it,
 * taken from the log's generator, so the two name one step alike and a parent the ledger recorded
 * is the parent in the log. Without an emitter (tests of the bookkeeping) ids are random and
 * nothing is emitted.
 */
final class LedgerEmitter {

  static final LedgerEmitter NONE = new LedgerEmitter(null);

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final EventEmitter emitter;

  LedgerEmitter(EventEmitter emitter) {
    this.emitter = emitter;
  }

  /** The id of the next step the ledger records. */
  String newId() {
    return emitter == null ? UUID.randomUUID().toString() : emitter.newId();
  }

  void staged(String id, String pipeline, long version, String bundleId, String keyId, String by) {
    ObjectNode data =
        JSON.objectNode().put("bundle_id", bundleId).put("key_id", keyId).put("staged_by", by);
    emit(id, "ledger.staged", pipeline, version, null, "staged v" + version + " by " + by, data);
  }

  /** A deploy (or a rollback) began; its parent is the stage of the version it activates. */
  void began(
      String id,
      String stagedId,
      boolean rollback,
      String pipeline,
      long version,
      long previous,
      Collection<String> placement,
      String by) {
    ObjectNode data = JSON.objectNode();
    if (rollback) {
      data.put("from_version", previous).put("to_version", version).put("rolled_back_by", by);
      emit(
          id,
          "ledger.rolled_back",
          pipeline,
          version,
          stagedId,
          "rolled back from v" + previous + " to v" + version + " by " + by,
          data);
      return;
    }
    data.put("version", version).put("previous_version", previous).put("deployed_by", by);
    placement.forEach(data.putArray("placement")::add);
    emit(
        id,
        "ledger.deployed",
        pipeline,
        version,
        stagedId,
        "deploy of v" + version + " by " + by,
        data);
  }

  void acked(String id, String deployedId, String pipeline, long version, String component) {
    ObjectNode data = JSON.objectNode().put("version", version).put("component", component);
    emit(id, "ledger.acked", pipeline, version, deployedId, component + " runs v" + version, data);
  }

  void activated(String id, String deployedId, String pipeline, long version, int components) {
    ObjectNode data = JSON.objectNode().put("version", version).put("components", components);
    emit(
        id,
        "ledger.activated",
        pipeline,
        version,
        deployedId,
        "v" + version + " is active on " + components + " component(s)",
        data);
  }

  /**
   * The event types the activated version declares, each as its own event under the activation,
   * published in order after it. A type already declared with the same schema is declared again
   * harmlessly (a rollback re-activates its version).
   */
  void typesDeclared(
      String activatedId, String pipeline, long version, List<EventType> eventTypes) {
    for (EventType type : eventTypes) {
      String name = EventTypeNames.qualified(pipeline, type.name());
      emit(
          newId(),
          ProjectTypes.DECLARED,
          pipeline,
          version,
          activatedId,
          "v" + version + " declares event type " + name,
          ProjectTypes.declaration(name, type.schema(), version));
    }
  }

  /** The log the steps go to, for checks made before a step (none without an emitter). */
  EventLog log() {
    return emitter == null ? null : emitter.log();
  }

  void activationFailed(
      String id,
      String deployedId,
      String pipeline,
      long version,
      String reason,
      Collection<String> missing) {
    ObjectNode data = JSON.objectNode().put("version", version).put("reason", reason);
    missing.forEach(data.putArray("missing")::add);
    emit(id, "ledger.activation_failed", pipeline, version, deployedId, reason, data);
  }

  void lifecycleChanged(
      String id, String pipeline, long version, String from, String to, String by) {
    ObjectNode data = JSON.objectNode().put("from", from).put("to", to).put("changed_by", by);
    emit(
        id,
        "ledger.lifecycle_changed",
        pipeline,
        version,
        null,
        pipeline + " " + from + " -> " + to + " by " + by,
        data);
  }

  private void emit(
      String id,
      String type,
      String pipeline,
      long version,
      String parentId,
      String entry,
      ObjectNode data) {
    if (emitter == null) {
      return;
    }
    EventSubjects subjects =
        EventSubjects.ofPipeline(pipeline, version == 0 ? null : Long.toString(version));
    emitter.emit(
        BuiltInComponents.LEDGER, id, new EventDraft(type, entry, data, parentId, subjects));
  }
}
