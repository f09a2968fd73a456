package dev.ben.streams.eventlog;

/**
 * An event handed to a consumer by a claim, with the consumer's new status of it (Started; its
 * attempt says whether this is a redelivery).
 */
public record Claim(StoredEvent event, Consumption consumption) {}
