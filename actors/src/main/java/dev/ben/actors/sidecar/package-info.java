/**
 * The HTTP face of the sidecars: the ingest endpoint that accepts NDJSON events for a pipeline,
 * answers each request with what was accepted and refused, and turns a saturated pipeline into a
 * 503 with a reason.
 */
package dev.ben.actors.sidecar;
