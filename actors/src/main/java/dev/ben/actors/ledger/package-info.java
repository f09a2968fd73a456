/**
 * The ledger's decisions, as plain classes the ledger actor delegates to: which version a deploy or
 * rollback activates ({@link dev.ben.actors.ledger.VersionPolicy}) and when an activation is
 * complete or has failed ({@link dev.ben.actors.ledger.ActivationProtocol}, docs/architecture.md,
 * the control plane). Durable state lives in {@link dev.ben.streams.ledger.LedgerStore}; nothing
 * here does I/O or reads a clock.
 */
package dev.ben.actors.ledger;
