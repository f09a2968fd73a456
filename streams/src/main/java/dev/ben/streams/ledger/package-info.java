/**
 * The ledger's durable core: the versioned registry of intent (pipeline headers, signed bundle
 * bodies, staged versions with their state history, and the ledger's event log) behind one {@link
 * dev.ben.streams.ledger.LedgerStore} contract, kept in RocksDB in the embedded default or in a
 * JetStream KV bucket plus an Object Store with NATS. Records are only ever added: a version's
 * state changes are appended, never rewritten, so a snapshot of the store restores all intent and
 * its history.
 */
package dev.ben.streams.ledger;
