/**
 * A pipeline's data path as one stream graph: the hub producers join, then sidecar, proxy, spine,
 * detector and store, fused, with an asynchronous boundary only where it pays, the per-stage
 * counters counted where one stage hands an event to the next, and a failure named after the stage
 * it came from. The actors module materialises and supervises it; benchmarks run the same graph.
 */
package dev.ben.streams.graph;
