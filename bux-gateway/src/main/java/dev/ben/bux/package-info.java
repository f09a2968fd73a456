/**
 * The bux gateway: the read-only ben_api and the bux web UI. It serves /health, /metrics and a
 * websocket that pushes live events and counters; it never writes intent or commands the runtime
 * (invariant 9). Everything but the page, its assets and /health needs a session (a cookie set by
 * logging in with the control API's users) or a Bearer token, and only the gateway's own pages (or
 * allowed origins) may open the websocket or change the session.
 */
package dev.ben.bux;
