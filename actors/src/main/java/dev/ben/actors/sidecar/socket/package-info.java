/**
 * The socket sidecar (docs/socket-sidecar.md): one session logic as a stream flow — frames in,
 * batches into the pipeline's ingress with the HTTP path's backpressure, acks and the app's signals
 * out — served on a node-wide TCP port and on the Unix socket of each running pipeline whose
 * contract asks for one.
 */
package dev.ben.actors.sidecar.socket;
