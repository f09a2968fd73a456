package dev.ben.bux.socket;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A frame a client sent, parsed and checked against the socket's {@link FrameRules}: a
 * subscription, the end of one, or a one-shot request. Whatever the text, parsing either returns
 * one of these or throws {@link FrameRefusedException} naming what is wrong.
 */
public sealed interface ClientFrame {

  /** Starts subscription {@code sub}; {@code after} (or null) resumes a stream after that seq. */
  record Subscribe(String sub, String topic, TopicFilter filter, Long after)
      implements ClientFrame {}

  record Unsubscribe(String sub) implements ClientFrame {}

  /** A one-shot call answered once with a reply or an error frame naming {@code id}. */
  record Request(String id, String method, JsonNode params) implements ClientFrame {}

  static ClientFrame parse(ObjectMapper mapper, String text, FrameRules rules) {
    JsonNode frame;
    try {
      frame = mapper.readTree(text);
    } catch (JacksonException | RuntimeException e) {
      throw FrameRefusedException.of("the frame is not JSON; send one JSON object per frame");
    }
    if (frame == null || !frame.isObject()) {
      throw FrameRefusedException.of(
          "a frame is one JSON object such as {\"op\":\"subscribe\",\"sub\":\"s1\",\"topic\":"
              + "\"metrics\"}");
    }
    JsonNode op = frame.get("op");
    String name = op != null && op.isTextual() ? op.asText() : "";
    return switch (name) {
      case "subscribe" -> subscribe(frame, rules);
      case "unsubscribe" -> new Unsubscribe(id(frame, "sub", rules));
      case "request" -> request(frame, rules);
      default ->
          throw FrameRefusedException.of(
              "unknown op "
                  + (op == null ? "(none)" : op.toString())
                  + "; ops are subscribe, unsubscribe and request");
    };
  }

  private static Subscribe subscribe(JsonNode frame, FrameRules rules) {
    String sub = id(frame, "sub", rules);
    JsonNode topicNode = frame.get("topic");
    String topic = topicNode != null && topicNode.isTextual() ? topicNode.asText() : null;
    Set<String> fields = topic == null ? null : rules.topicFilters().get(topic);
    if (fields == null) {
      throw FrameRefusedException.aboutSub(
          sub,
          "unknown topic "
              + (topicNode == null ? "(none)" : topicNode.toString())
              + "; topics here are "
              + new TreeSet<>(rules.topicFilters().keySet()));
    }
    return new Subscribe(
        sub, topic, filter(sub, topic, frame.get("filter"), fields), after(sub, frame));
  }

  private static TopicFilter filter(String sub, String topic, JsonNode filter, Set<String> fields) {
    if (filter == null || filter.isNull()) {
      return TopicFilter.NONE;
    }
    if (!filter.isObject()) {
      throw FrameRefusedException.aboutSub(sub, "filter must be a JSON object of field: value");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : filter.properties()) {
      if (!fields.contains(field.getKey())) {
        throw FrameRefusedException.aboutSub(
            sub,
            "topic "
                + topic
                + (fields.isEmpty() ? " takes no filter" : " filters on " + new TreeSet<>(fields))
                + ", not on "
                + abbreviated(field.getKey()));
      }
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (!value.isTextual() || value.asText().length() > FrameRules.MAX_FILTER_VALUE_CHARS) {
        throw FrameRefusedException.aboutSub(
            sub,
            "filter field "
                + field.getKey()
                + " must be text of at most "
                + FrameRules.MAX_FILTER_VALUE_CHARS
                + " characters (an exact match)");
      }
      values.put(field.getKey(), value.asText());
    }
    return new TopicFilter(values);
  }

  private static Long after(String sub, JsonNode frame) {
    JsonNode after = frame.get("after");
    if (after == null || after.isNull()) {
      return null;
    }
    if (!after.isIntegralNumber() || !after.canConvertToLong() || after.asLong() < 0) {
      throw FrameRefusedException.aboutSub(
          sub,
          "after must be the seq of the last item the client has (a whole number ≥ 0) or null");
    }
    return after.asLong();
  }

  private static Request request(JsonNode frame, FrameRules rules) {
    String id = id(frame, "id", rules);
    JsonNode method = frame.get("method");
    if (method == null || !method.isTextual() || !rules.methods().contains(method.asText())) {
      throw FrameRefusedException.aboutRequest(
          id,
          "unknown method "
              + (method == null ? "(none)" : abbreviated(method.toString()))
              + "; methods here are "
              + rules.methods());
    }
    JsonNode params = frame.get("params");
    if (params != null && !params.isNull() && !params.isObject()) {
      throw FrameRefusedException.aboutRequest(id, "params must be a JSON object");
    }
    return new Request(
        id,
        method.asText(),
        params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : params);
  }

  /** A subscription or request id: text of 1 to maxIdChars characters. */
  private static String id(JsonNode frame, String field, FrameRules rules) {
    JsonNode id = frame.get(field);
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw FrameRefusedException.of(
          field
              + " is missing: name the "
              + (field.equals("sub") ? "subscription" : "request")
              + " with a text id of 1 to "
              + rules.maxIdChars()
              + " characters");
    }
    if (id.asText().length() > rules.maxIdChars()) {
      throw FrameRefusedException.of(
          field + " is longer than " + rules.maxIdChars() + " characters; choose a shorter id");
    }
    return id.asText();
  }

  private static String abbreviated(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
