package dev.ben.streams.eventlog.emit;

import dev.ben.streams.eventlog.EventDraft;

/** A draft waiting in the emitter's queue, with the id and source it will be published under. */
record Pending(String id, String source, EventDraft draft) {}
