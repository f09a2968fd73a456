/**
 * Who may use the control API (docs/architecture.md, the control plane): users with a role and a
 * slow password hash, the cluster's token secret, both kept in an {@link
 * dev.ben.streams.auth.IdentityStore} (RocksDB in the embedded default, a JetStream KV bucket with
 * NATS), and signed, expiring tokens that name one user and one role.
 */
package dev.ben.streams.auth;
