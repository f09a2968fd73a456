package dev.ben.contracts.check;

import com.fasterxml.jackson.databind.JsonNode;

/** An event type that checked: its name and its parsed JSON Schema. */
public record CheckedEventType(String name, JsonNode schema) {}
