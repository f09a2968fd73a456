/**
 * Booting and stopping a node: turning validated settings into the Pekko configuration, joining the
 * cluster, spawning the component hierarchies this node's roles call for, and shutting down in
 * order.
 */
package dev.ben.actors.node;
