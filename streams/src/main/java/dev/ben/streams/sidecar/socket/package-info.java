/**
 * The socket sidecar's wire protocol (docs/socket-sidecar.md), independent of any transport:
 * length-prefixed frames on two lanes (control, events), read incrementally with bounded memory
 * into typed messages or refusals that say why, and the frames the server writes back. Nothing here
 * touches a socket or an actor.
 */
package dev.ben.streams.sidecar.socket;
