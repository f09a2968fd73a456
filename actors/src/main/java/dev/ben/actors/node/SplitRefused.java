package dev.ben.actors.node;

import org.apache.pekko.actor.CoordinatedShutdown;

/**
 * Why a node left its cluster on its own: it runs an embedded default that cannot be shared with
 * other members ({@link EmbeddedStateRule}), so its launcher says so in one line and exits 1.
 */
public record SplitRefused(String reason) implements CoordinatedShutdown.Reason {}
