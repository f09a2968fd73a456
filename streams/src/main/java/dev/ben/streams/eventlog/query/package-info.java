/**
 * Reading the event log for people: bounded searches by type, pipeline and time, lineage trees that
 * join a decision to its cause, its contract version and its signals, and the decisions view. Plain
 * classes over an {@link dev.ben.streams.eventlog.query.EventSource}, so they are tested without a
 * store and serve the control API and ben_api alike.
 */
package dev.ben.streams.eventlog.query;
