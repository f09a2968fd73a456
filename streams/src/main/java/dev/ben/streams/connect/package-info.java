/**
 * Opening the node's connectors from settings: each external server when configured, its embedded
 * default otherwise, and closing them all in reverse order.
 */
package dev.ben.streams.connect;
