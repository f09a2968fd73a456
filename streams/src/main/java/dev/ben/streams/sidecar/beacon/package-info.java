/**
 * Web beacons and server logs (docs/http-sidecar.md): parsing nginx/Apache combined log lines into
 * events, and the pre-anonymisation every beacon event goes through before anything else sees it —
 * addresses generalised, visitor identity turned into a keyed hash whose key changes every day.
 */
package dev.ben.streams.sidecar.beacon;
