package dev.ben.streams.ledger;

/**
 * One entry of the ledger's event log: every step of a version's life (stage, deploy, activation,
 * ack, rollback) is an event, linked to the step that caused it by {@code parentId} (null for a
 * root), so the whole lineage can be shown ({@code benctl status --history} lists the events).
 * {@code dataJson} is a JSON document ({@code {}} when empty); {@code version} is 0 when the event
 * concerns no particular version.
 */
public record LedgerEvent(
    String id,
    String type,
    String source,
    String summary,
    String dataJson,
    String parentId,
    String pipeline,
    long version,
    long createdAtMillis) {

  public LedgerEvent {
    LedgerNames.required(id, "event id");
    LedgerNames.required(type, "the type of event " + id);
    LedgerNames.required(source, "the source of event " + id);
    summary = summary == null ? "" : summary;
    dataJson = dataJson == null || dataJson.isBlank() ? "{}" : dataJson;
    LedgerJson.requireJson(dataJson, "the data of event " + id);
    parentId = parentId == null || parentId.isBlank() ? null : parentId;
    if (id.equals(parentId)) {
      throw new IllegalArgumentException("event " + id + " cannot be its own parent");
    }
    LedgerNames.pipeline(pipeline, "the pipeline of event " + id);
    LedgerNames.notNegative(version, "the version of event " + id);
    LedgerNames.notNegative(createdAtMillis, "the creation time of event " + id);
  }
}
