/**
 * The event log against the real servers ./ben test starts: its stores, and whole nodes where a
 * lineage runs from a firing back to who staged its contract and exactly-once consumers get what
 * they did not finish again.
 */
package dev.ben.tests.eventlog;
