package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item of a topic: its sequence number (increasing by one per item of a stream topic, so a
 * client can resume after it), the time the data describes (epoch ms) and the data.
 */
public record TopicItem(long seq, long at, JsonNode data) {}
