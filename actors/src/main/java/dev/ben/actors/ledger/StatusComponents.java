package dev.ben.actors.ledger;

import dev.ben.actors.orchestrator.ComponentIds;
import dev.ben.actors.orchestrator.ComponentTable;
import dev.ben.api.control.ComponentState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The components part of {@code benctl status}: every component the orchestrator sees running the
 * pipeline, with the contract version it reports, and whether it acknowledged. During (or after) an
 * activation the acks are the activation's; while it is under way, required components not yet seen
 * running are listed too, so a partial activation shows who is missing (once it failed, the detail
 * line names them), and once it succeeded those that acknowledged are listed even before their
 * first hello. The caller passes no activation for a pipeline that no longer runs. Without an
 * activation, a component running the active version counts as acknowledged.
 */
final class StatusComponents {

  private StatusComponents() {}

  static List<ComponentState> of(
      String pipeline,
      List<ComponentTable.Entry> running,
      Optional<AckTally> activation,
      long activeVersion) {
    Map<String, ComponentState> out = new TreeMap<>();
    Map<String, Boolean> acked = new TreeMap<>();
    activation.ifPresent(a -> a.view().forEach(c -> acked.put(c.componentId(), c.acked())));
    for (ComponentTable.Entry entry : running) {
      if (!entry.pipeline().equals(pipeline)) {
        continue;
      }
      boolean ack =
          acked.containsKey(entry.componentId())
              ? acked.get(entry.componentId())
              : entry.contractVersion() != 0 && entry.contractVersion() == activeVersion;
      out.put(
          entry.componentId(),
          ComponentState.newBuilder()
              .setComponent(entry.componentId())
              .setKind(entry.kind())
              .setNode(entry.node())
              .setRunningVersion(entry.contractVersion())
              .setAcked(ack)
              .setHealth(entry.health())
              .putAllCounts(entry.counts())
              .build());
    }
    activation.ifPresent(
        a ->
            a.view().stream()
                .filter(
                    c ->
                        a.state() == AckTally.State.ACTIVATING
                            || (a.state() == AckTally.State.ACTIVE && c.acked()))
                .forEach(
                    c ->
                        out.computeIfAbsent(
                            c.componentId(),
                            id ->
                                ComponentState.newBuilder()
                                    .setComponent(id)
                                    .setKind(ComponentIds.kind(id))
                                    .setNode(ComponentIds.node(id))
                                    .setRunningVersion(c.runningVersion())
                                    .setAcked(c.acked())
                                    .build())));
    return List.copyOf(out.values());
  }
}
