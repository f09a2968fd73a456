package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.event.Event;

/** One compiled predicate test; false on a missing value or a kind that does not match the test. */
interface BitProbe {

  boolean test(Event event, long[] mask, Scratch scratch);
}
