package dev.ben.contracts.engine;

/**
 * One detector's keyed state, written out: which definition it belongs to ({@code fingerprint}),
 * the detector's name for messages, the bytes, and how many keys were left out to respect the size
 * bound (the least recently used ones).
 */
public record DetectorSnapshot(
    String fingerprint, String detector, byte[] bytes, int keys, int keysLeftOut) {}
