/**
 * The bux gateway: the read-only ben_api and the bux web UI. It serves /health, /metrics and a
 * websocket that pushes live events and counters; it never writes intent or commands the runtime
 * (invariant 9).
 */
package dev.ben.bux;
