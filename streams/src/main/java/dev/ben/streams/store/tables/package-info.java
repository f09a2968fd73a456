/**
 * The tables events land in and the batch writers that fill them: {@code ben_events} for
 * pass-through pipelines (and events no schema can take), and each schema's own table for pipelines
 * driven by contracts. These sit above the store and its migrator: they have the migrator create
 * what they write into, while the store and the migrator know nothing of events.
 */
package dev.ben.streams.store.tables;
