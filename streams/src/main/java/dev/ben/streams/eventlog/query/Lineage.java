package dev.ben.streams.eventlog.query;

/**
 * The lineage of one event: the tree from its oldest ancestor down, with the joins, how many nodes
 * it shows, and how many it left out at the depth or node bound ({@code ancestorsCut}: the
 * ancestors went further up than the depth bound).
 */
public record Lineage(
    String focusId, LineageNode root, int nodes, int leftOut, boolean ancestorsCut) {}
