/**
 * The event log's interfaces on a node: the gRPC {@code EventLogService} on the control port, where
 * callers publish and consume as the component their token names, and the port through which
 * ben_api reads the log, its lineage trees and its decisions.
 */
package dev.ben.actors.eventlog;
