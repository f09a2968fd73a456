package dev.ben.streams.eventlog.query;

import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.query.LineageNode.Relation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Draws the lineage of an event: up its parents to the oldest ancestor, then down through every
 * descendant, and across by what events are about, so that from a {@code playbook.*} decision one
 * reaches the stored event it was taken on ({@code data.event_id}), the ledger step that made its
 * contract version active with that step's own parents (deployed, staged), and under each {@code
 * signal.published} what became of it. Asked for the id of a stored event that is not in the log,
 * it draws the decisions taken on it. Bounded in depth, in nodes, and in events read per join.
 */
public final class LineageTree {

  private final EventSource source;
  private final LineageJoins joins;
  private final int maxDepth;
  private final int maxNodes;

  public LineageTree(EventSource source, int maxDepth, int maxNodes, int maxScan) {
    this.source = source;
    this.joins = new LineageJoins(source, maxScan);
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
  }

  /** The lineage of the event or stored event with this id; empty when nothing knows the id. */
  public Optional<Lineage> of(String eventId) {
    Optional<StoredEvent> focus = source.get(eventId);
    if (focus.isEmpty()) {
      return ofStoredEvent(eventId);
    }
    List<StoredEvent> ancestors = ancestors(focus.get());
    boolean cut = ancestors.size() > maxDepth;
    StoredEvent root = ancestors.get(Math.min(ancestors.size(), maxDepth + 1) - 1);
    Walk walk = new Walk(eventId);
    LineageNode tree = walk.down(root, Relation.ROOT, 0);
    return Optional.of(new Lineage(eventId, tree, walk.nodes, walk.leftOut, cut));
  }

  private Optional<Lineage> ofStoredEvent(String eventId) {
    List<StoredEvent> decisions = joins.decisionsOn(eventId, maxNodes);
    if (decisions.isEmpty()) {
      return Optional.empty();
    }
    Walk walk = new Walk(eventId);
    walk.nodes++;
    List<LineageNode> below = new ArrayList<>();
    for (StoredEvent decision : decisions) {
      walk.add(below, () -> walk.down(decision, Relation.DECISION, 1));
    }
    LineageNode root = new LineageNode(Relation.ROOT, null, eventId, true, below);
    return Optional.of(new Lineage(eventId, root, walk.nodes, walk.leftOut, false));
  }

  /** The event and its parents, the event first, one past the depth bound at most. */
  private List<StoredEvent> ancestors(StoredEvent event) {
    List<StoredEvent> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<StoredEvent> current = Optional.of(event);
    while (current.isPresent() && chain.size() <= maxDepth && seen.add(current.get().id())) {
      chain.add(current.get());
      String parent = current.get().event().parentId();
      current = parent == null ? Optional.empty() : source.get(parent);
    }
    return chain;
  }

  /** One drawing: what it has shown, so no event appears twice, and what it left out. */
  private final class Walk {
    private final String focusId;
    private final Set<String> shown = new HashSet<>();
    private int nodes;
    private int leftOut;

    Walk(String focusId) {
      this.focusId = focusId;
    }

    LineageNode down(StoredEvent event, Relation relation, int depth) {
      nodes++;
      shown.add(event.id());
      List<LineageNode> below = new ArrayList<>();
      List<StoredEvent> children = source.children(event.id());
      if (depth >= maxDepth) {
        leftOut += children.size();
        return node(relation, event, below);
      }
      if (event.type().startsWith("playbook.")) {
        cause(event, depth, below);
        joins
            .contractOf(event)
            .ifPresent(c -> add(below, () -> up(c, Relation.CONTRACT, depth + 1)));
      }
      for (StoredEvent child : children) {
        if (!shown.contains(child.id())) {
          add(below, () -> down(child, Relation.CHILD, depth + 1));
        }
      }
      if (event.type().equals("signal.published")
          && children.stream().noneMatch(c -> c.type().startsWith("signal."))) {
        for (StoredEvent outcome : joins.outcomesOf(event)) {
          add(below, () -> down(outcome, Relation.DELIVERY, depth + 1));
        }
      }
      return node(relation, event, below);
    }

    /** The event and, below each, its parent: a chain read upwards, bounded by depth. */
    LineageNode up(StoredEvent event, Relation relation, int depth) {
      nodes++;
      shown.add(event.id());
      List<LineageNode> below = new ArrayList<>();
      String parent = event.event().parentId();
      if (parent != null) {
        Optional<StoredEvent> above = source.get(parent);
        if (above.isPresent() && !shown.contains(parent)) {
          if (depth + 1 > maxDepth) {
            leftOut++;
          } else {
            add(below, () -> up(above.get(), Relation.PARENT, depth + 1));
          }
        }
      }
      return node(relation, event, below);
    }

    private void cause(StoredEvent decision, int depth, List<LineageNode> below) {
      String causeId = decision.event().data().path("event_id").asText("");
      if (causeId.isEmpty() || shown.contains(causeId)) {
        return;
      }
      Optional<StoredEvent> inLog = source.get(causeId);
      if (inLog.isPresent()) {
        add(below, () -> up(inLog.get(), Relation.CAUSE, depth + 1));
      } else {
        add(
            below,
            () -> {
              nodes++;
              return new LineageNode(Relation.CAUSE, null, causeId, false, List.of());
            });
      }
    }

    void add(List<LineageNode> below, java.util.function.Supplier<LineageNode> node) {
      if (nodes >= maxNodes) {
        leftOut++;
      } else {
        below.add(node.get());
      }
    }

    private LineageNode node(Relation relation, StoredEvent event, List<LineageNode> below) {
      return new LineageNode(relation, event, null, event.id().equals(focusId), below);
    }
  }
}
