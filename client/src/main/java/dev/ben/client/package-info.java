/**
 * The Java client of Ben's socket sidecar (docs/socket-sidecar.md): connect over TCP or a
 * pipeline's Unix socket, send NDJSON batches and get each one's ack, receive the app's signals.
 * JDK only, so any application can embed it.
 */
package dev.ben.client;
