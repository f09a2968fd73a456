/**
 * The Java client of Ben's event log: publish events, read them, and consume them exactly once
 * (claim, then move each claimed event forward) over the gRPC control port, as the component the
 * token names. Needs the {@code api} module, an optional dependency of this one.
 */
package dev.ben.client.eventlog;
