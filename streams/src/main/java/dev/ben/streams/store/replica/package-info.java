/**
 * The front-end replica: for each table whose pipeline says {@code replica on}, a copy ({@code
 * <table>_replica}, created by the data migrator) that front ends query without competing with
 * ingest, kept up to date from the table by a watermark, with its lag exposed as a gauge.
 */
package dev.ben.streams.store.replica;
