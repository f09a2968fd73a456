/**
 * Generic building blocks of a pipeline's data path: the envelope an event travels in, counted and
 * bounded stage flows, the batching store stage and the disk buffer it (and the scrub queue) spill
 * batches to. Each stage is a plain Pekko Streams flow so it can be tested without actors; the
 * actors module owns and supervises the running graphs.
 */
package dev.ben.streams.flow;
