/**
 * The node's listening endpoints, one class each: HTTP ingest, the socket sidecar, the bux gateway,
 * the gRPC control API and the ops endpoint (/health, /metrics) of nodes without the gateway. Each
 * has one way to start (answering the bound address) and one way to stop taking connections; the
 * node's guardian decides which its roles need.
 */
package dev.ben.actors.node.servers;
