package dev.ben.actors.node;

import org.apache.pekko.actor.CoordinatedShutdown;

/**
 * Why a node shut down before it finished starting (an endpoint it could not bind, say), so its
 * launcher can say so in one line and exit non-zero.
 */
public record StartFailed(String reason) implements CoordinatedShutdown.Reason {}
