package dev.ben.actors.node;

import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Tracks the node's HTTP and gRPC endpoints as they bind, and answers those who asked for them once
 * all are settled (bound, or not served by this node's roles). Plain state owned by the guardian.
 */
final class NodeEndpoints {

  private static final List<String> NAMES = List.of("ingest", "gateway", "control", "socket");

  private final Map<String, Endpoint> settled = new HashMap<>();
  private final List<ActorRef<RootGuardian.Endpoints>> waiting = new ArrayList<>();

  void bound(String name, InetSocketAddress address) {
    settle(name, new Endpoint(address.getHostString(), address.getPort()));
  }

  /** The endpoints this node serves; the others are reported with host "none" and port 0. */
  void serving(List<String> served) {
    NAMES.stream()
        .filter(name -> !served.contains(name))
        .forEach(name -> settle(name, new Endpoint("none", 0)));
  }

  void whenReady(ActorRef<RootGuardian.Endpoints> replyTo) {
    waiting.add(replyTo);
    answerIfReady();
  }

  private void settle(String name, Endpoint endpoint) {
    settled.put(name, endpoint);
    answerIfReady();
  }

  private void answerIfReady() {
    if (!settled.keySet().containsAll(NAMES)) {
      return;
    }
    RootGuardian.Endpoints endpoints =
        new RootGuardian.Endpoints(
            settled.get("ingest"),
            settled.get("gateway"),
            settled.get("control"),
            settled.get("socket"));
    waiting.forEach(replyTo -> replyTo.tell(endpoints));
    waiting.clear();
  }
}
