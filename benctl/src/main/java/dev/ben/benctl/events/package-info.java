/** {@code benctl events}: reading the event log and drawing an event's lineage. */
package dev.ben.benctl.events;
