/**
 * Detectors' math: bounded per-key state fed with event time (never the clock). Sliding windows are
 * rings of 60 buckets (granularity window/60; events older than the oldest bucket are counted as
 * late and ignored); distinct counts are exact up to a per-key cap of distinct values, then
 * saturate at the cap (reported as such); TTL counters are windows over rule firings; EWMA;
 * two-sided standardised CUSUM that resets after an alarm; and Half-Space Trees as the model-based
 * anomaly scorer. The key table is an LRU of bounded size whose evictions are counted. Every kind
 * of per-key state writes itself out and reads itself back ({@link
 * dev.ben.contracts.engine.detect.FeatureState}); a detector's whole table becomes one versioned,
 * optionally size-bounded snapshot.
 */
package dev.ben.contracts.engine.detect;
