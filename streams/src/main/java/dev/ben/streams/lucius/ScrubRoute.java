package dev.ben.streams.lucius;

import dev.ben.streams.flow.Envelope;

/**
 * Where the spine sends an event a {@code route lucius} rule marks; false when it cannot take it
 * now.
 */
@FunctionalInterface
public interface ScrubRoute {

  boolean offer(Envelope event);
}
