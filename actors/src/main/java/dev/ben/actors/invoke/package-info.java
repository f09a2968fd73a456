/**
 * Invocations: one event evaluated synchronously, asked over HTTP on the ingest port ({@code POST
 * /api/v1/invoke/NAME}) or over gRPC on the control port ({@code InvokeService}). Both ask the same
 * {@link dev.ben.actors.invoke.Invoker} and only render its outcome in their own protocol.
 */
package dev.ben.actors.invoke;
