/**
 * Process-wide counters and gauges rendered in the Prometheus text format. Counters are LongAdders
 * so the hot path increments without contention; label sets are resolved once by the caller and the
 * counter handle kept.
 */
package dev.ben.streams.metrics;
