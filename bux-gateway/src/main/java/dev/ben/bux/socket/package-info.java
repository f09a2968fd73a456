/**
 * bux's websocket protocol v1: client frames parsed into subscriptions and one-shot requests,
 * topics (snapshots, conflated for slow clients; streams, held in a bounded ring so that clients
 * resume after a reconnect and slow ones skip ahead with a gap), and one client's session merging
 * its subscriptions into one outgoing stream that never slows the hub or other clients. The ports
 * the topics read from are declared here and implemented by the node.
 */
package dev.ben.bux.socket;
