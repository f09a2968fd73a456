package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.model.Playbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Bounds held by one owner for every playbook it evaluates, answered at once: what {@code benctl
 * test}, the test bench and the in-process detector shards use. A playbook whose bound changes
 * starts afresh. Not thread-safe.
 */
public final class LocalBoundAdmission implements BoundAdmission {

  private final Map<String, Bounds> byPlaybook = new HashMap<>();

  /** Admits one candidate now: {@link #ADMITTED} or the reason it is suppressed. */
  public String admitNow(Playbook playbook, BoundRequest request) {
    Bounds bounds = byPlaybook.get(playbook.name());
    if (bounds == null || !bounds.bound().equals(playbook.bound())) {
      bounds = Bounds.local(playbook.bound());
      byPlaybook.put(playbook.name(), bounds);
    }
    return bounds.admit(request);
  }

  @Override
  public CompletionStage<List<String>> admit(Playbook playbook, List<BoundRequest> requests) {
    List<String> verdicts = new ArrayList<>(requests.size());
    for (BoundRequest request : requests) {
      verdicts.add(admitNow(playbook, request));
    }
    return CompletableFuture.completedFuture(verdicts);
  }
}
