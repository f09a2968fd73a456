/**
 * A node's bounded, in-memory history of the series bux charts: every interval a sampler reads the
 * node's counters and gauges (and the JVM's heap and GC time), and a ring keeps the last points,
 * each with counters' values and their per-second rates against the point before. Memory is bounded
 * by points times series per point; series beyond the cap are cut and counted.
 */
package dev.ben.streams.history;
