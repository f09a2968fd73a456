/**
 * The application-facing edge of a pipeline: splitting and parsing what apps send (NDJSON today)
 * into envelopes, refusing each malformed line with a reason while the good lines of the same
 * request go through, and pushing the accepted events into the pipeline with backpressure and an
 * explicit overload answer.
 */
package dev.ben.streams.sidecar;
