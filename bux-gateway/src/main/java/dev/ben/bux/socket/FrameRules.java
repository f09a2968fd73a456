package dev.ben.bux.socket;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client may ask for on this socket: the topics it may subscribe to with the filter fields
 * each takes, the request methods, and the longest subscription or request id.
 */
record FrameRules(Map<String, Set<String>> topicFilters, List<String> methods, int maxIdChars) {

  /**
   * Filter values are names (pipelines, apps, rules, actions, series); longer ones match nothing.
   */
  static final int MAX_FILTER_VALUE_CHARS = 256;

  FrameRules {
    topicFilters = Map.copyOf(topicFilters);
    methods = List.copyOf(methods);
  }
}
