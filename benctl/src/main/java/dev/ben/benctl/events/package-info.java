/**
 * {@code benctl events}: reading the event log, drawing an event's lineage, and registering its
 * components.
 */
package dev.ben.benctl.events;
