/**
 * The cluster's metrics history: every node runs a {@link dev.ben.actors.history.HistoryKeeper}
 * sampling its own series into a bounded ring and registered with the receptionist, and a gateway
 * node's {@link dev.ben.actors.history.ClusterMetricsHistory} asks them all and merges their
 * points, listing the nodes that did not answer in time instead of failing for them.
 */
package dev.ben.actors.history;
