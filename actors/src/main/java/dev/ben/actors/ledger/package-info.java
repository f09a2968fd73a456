/**
 * The ledger (docs/architecture.md, the control plane): {@link dev.ben.actors.ledger.Ledger} is its
 * protocol and {@link dev.ben.actors.ledger.LedgerActor} the singleton's behavior, which delegates
 * to plain classes tested without actors. Staging and lifecycle: {@link
 * dev.ben.actors.ledger.LedgerBook}. An activation: which version it activates ({@link
 * dev.ben.actors.ledger.VersionPolicy}), its steps ({@link dev.ben.actors.ledger.ActivationFlow}),
 * what it writes to the store ({@link dev.ben.actors.ledger.ActivationRecords}), the one under way
 * ({@link dev.ben.actors.ledger.ActivationRun}, kept in {@link
 * dev.ben.actors.ledger.InFlightActivations}) and the tally of its acks that decides when it is
 * complete or has failed ({@link dev.ben.actors.ledger.AckTally}). Durable state lives in {@link
 * dev.ben.streams.ledger.LedgerStore}.
 */
package dev.ben.actors.ledger;
