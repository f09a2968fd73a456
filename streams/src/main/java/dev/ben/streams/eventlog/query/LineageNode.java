package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.StoredEvent;
import java.util.List;
import java.util.Locale;

/**
 * One node of a lineage tree: an event of the log, or a {@code reference} to something outside it
 * (the stored row a decision read, known only by its event id); how it relates to the node above;
 * whether it is the event the tree was asked for; and what hangs below it.
 */
public record LineageNode(
    Relation relation,
    StoredEvent event,
    String reference,
    boolean focus,
    List<LineageNode> children) {

  /** How a node relates to the one above it. */
  public enum Relation {
    /** The top of the tree: the oldest ancestor of the event asked for. */
    ROOT,
    /** Published with the node above as its parent. */
    CHILD,
    /** The node above was published with this one as its parent. */
    PARENT,
    /** The stored event a decision was taken on ({@code data.event_id}). */
    CAUSE,
    /** The step of the ledger that made the decision's contract version active. */
    CONTRACT,
    /** What became of a signal, joined by its {@code signal_id}. */
    DELIVERY,
    /** A decision taken on the stored event above. */
    DECISION;

    /** As JSON and benctl show it: {@code caused_by}. */
    public String label() {
      return this == CAUSE ? "caused_by" : name().toLowerCase(Locale.ROOT);
    }
  }

  public LineageNode {
    children = List.copyOf(children);
  }

  public String id() {
    return event == null ? reference : event.id();
  }
}
