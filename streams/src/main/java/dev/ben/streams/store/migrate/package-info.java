/**
 * The data migrator: the one place that issues DDL to the analytical store. It derives each schema
 * version's statements from what the migration record says the tables already are, applies them in
 * order, records every step in {@code ben_migrations} so nothing is applied twice and interrupted
 * work resumes, and reports partial progress.
 */
package dev.ben.streams.store.migrate;
