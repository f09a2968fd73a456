/**
 * The gRPC control API benctl talks to (docs/architecture.md, the control plane): requests are
 * checked at the boundary, forwarded to the ledger singleton wherever it runs, and its refusals
 * become gRPC statuses with the ledger's reason.
 */
package dev.ben.actors.control;
