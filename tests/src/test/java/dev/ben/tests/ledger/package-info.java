/** The ledger's durable core against the real servers ./ben test starts. */
package dev.ben.tests.ledger;
