/**
 * Ben's metrics facade over the Prometheus Java client: counters, callback gauges and classic
 * histograms of one node on its own library registry, rendered by the library's text format writer.
 * Label sets are resolved once by the caller and the data point kept, so the hot path is the
 * library's lock-free increment.
 */
package dev.ben.streams.metrics;
