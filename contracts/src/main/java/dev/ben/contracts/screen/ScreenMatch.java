package dev.ben.contracts.screen;

/** A list entry as the list holds it, and its edit distance from the screened name. */
public record ScreenMatch(String entry, int distance) {}
