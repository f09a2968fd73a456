/**
 * The control plane across a real multi-node cluster: several Ben nodes in one JVM on 127.0.0.1 with NATS behind
 * the ledger and the presence planes, driven through benctl, proving that the ledger and orchestrator singletons
 * survive losing their node.
 */
package dev.ben.tests.control;
