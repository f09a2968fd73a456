/**
 * The data plane end to end on one node against the real servers: events in, decisions, signals and
 * rows out.
 */
package dev.ben.tests.dataplane;
