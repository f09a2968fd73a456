package dev.ben.bux.socket;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The name of the node whose registry the metrics topic reads: the {@code self} of the cluster
 * topic's body, asked once and kept (a node's address does not change). A frame never waits for it:
 * until the cluster port has answered, frames name no node and the next frame asks again.
 */
final class ThisNode {

  private final Optional<SnapshotPort> cluster;
  private final AtomicBoolean asking = new AtomicBoolean();
  private volatile List<String> known;

  ThisNode(Optional<SnapshotPort> cluster) {
    this.cluster = cluster;
  }

  List<String> names() {
    List<String> names = known;
    if (names != null) {
      return names;
    }
    if (cluster.isPresent() && asking.compareAndSet(false, true)) {
      cluster
          .get()
          .read(TopicFilter.NONE)
          .whenComplete(
              (body, failure) -> {
                if (failure == null && body.path("self").isTextual()) {
                  known = List.of(body.get("self").asText());
                }
                asking.set(false);
              });
    }
    return known != null ? known : List.of();
  }
}
