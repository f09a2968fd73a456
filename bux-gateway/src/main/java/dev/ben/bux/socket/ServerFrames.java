package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.auth.Principal;
import java.util.List;

/** The frames the server sends, rendered as protocol v1 fixes them. */
final class ServerFrames {

  static final int PROTOCOL = 1;

  /** One outgoing frame; the socket closes after a {@code closing} one. */
  record Out(String json, boolean closing) {}

  private final ObjectMapper mapper;

  ServerFrames(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Out welcome(Principal principal, List<String> topics, List<String> methods) {
    ObjectNode frame =
        mapper
            .createObjectNode()
            .put("type", "welcome")
            .put("protocol", PROTOCOL)
            .put("user", principal.user())
            .put("role", principal.role().label());
    topics.forEach(frame.putArray("topics")::add);
    methods.forEach(frame.putArray("methods")::add);
    return out(frame);
  }

  Out delivery(String sub, String topic, Delivery delivery) {
    if (delivery instanceof Delivery.Item item) {
      ObjectNode frame =
          mapper
              .createObjectNode()
              .put("type", "data")
              .put("sub", sub)
              .put("topic", topic)
              .put("seq", item.item().seq())
              .put("at", item.item().at());
      frame.set("data", item.item().data());
      return out(frame);
    }
    if (delivery instanceof Delivery.Gap gap) {
      return out(
          mapper.createObjectNode().put("type", "gap").put("sub", sub).put("missed", gap.missed()));
    }
    return error("sub", sub, ((Delivery.Failed) delivery).reason(), false);
  }

  Out reply(String id, JsonNode result) {
    ObjectNode frame = mapper.createObjectNode().put("type", "reply").put("id", id);
    frame.set("result", result);
    return out(frame);
  }

  /** An error about subscription or request {@code ref} ({@code about} "sub" or "id"), or none. */
  Out error(String about, String ref, String reason, boolean closing) {
    ObjectNode frame = mapper.createObjectNode().put("type", "error");
    if (ref != null) {
      frame.put(about, ref);
    }
    frame.put("error", reason);
    return new Out(frame.toString(), closing);
  }

  Out refused(FrameRefusedException refusal, boolean closing, String suffix) {
    String reason = refusal.getMessage() + suffix;
    if (refusal.sub().isPresent()) {
      return error("sub", refusal.sub().get(), reason, closing);
    }
    return error("id", refusal.id().orElse(null), reason, closing);
  }

  Out keepAlive(long now) {
    return out(mapper.createObjectNode().put("type", "keepalive").put("at", now));
  }

  private static Out out(ObjectNode frame) {
    return new Out(frame.toString(), false);
  }
}
