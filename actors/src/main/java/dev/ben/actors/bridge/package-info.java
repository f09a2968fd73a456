/**
 * The notification plane between the control plane and the components: contract notices (keys only)
 * and the hellos components send the orchestrator. With NATS configured they travel on NATS (hellos
 * on a durable JetStream stream, so those sent while the orchestrator is away are delivered when it
 * is back) and arrive as typed messages in actor mailboxes; without NATS the same ports are served
 * inside the cluster by Pekko.
 */
package dev.ben.actors.bridge;
