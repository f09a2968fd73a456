/**
 * Stored events read back for replay: a schema's table in event-time order, a bounded page at a
 * time, each row turned back into the JSON its schema's translator reads.
 */
package dev.ben.streams.store.replay;
