/**
 * The control plane driven through benctl, as an operator would: every remote verb against one
 * standalone node on the embedded connectors, and several Ben nodes in one JVM on 127.0.0.1 with
 * NATS behind the ledger and the presence planes, proving that the ledger and orchestrator
 * singletons survive losing their node.
 */
package dev.ben.tests.control;
