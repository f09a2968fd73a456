/**
 * How Ben's own components put their events in the event log without waiting for it: {@link
 * dev.ben.streams.eventlog.emit.EventEmitter} takes drafts into a bounded queue and one ordered
 * drain publishes them, retrying while the log is unavailable; whatever is lost is counted.
 */
package dev.ben.streams.eventlog.emit;
