/**
 * The event log's history in the analytical store: every event copied, in position order, into one
 * table of ClickHouse or the embedded store, where searches by type, pipeline and time are SQL
 * instead of a scan of the log (docs/eventlog.md, History).
 */
package dev.ben.streams.eventlog.archive;
