/**
 * Who may use the control API and who may send events (docs/architecture.md, the control plane):
 * users with a role and a slow password hash, apps with the SHA-256 of their random key, the
 * cluster's token secret, all kept in an {@link dev.ben.streams.auth.IdentityStore} (RocksDB in the
 * embedded default, a JetStream KV bucket with NATS); signed, expiring tokens that name one user
 * and one role; and the check that turns an app's key into its app at ingest.
 */
package dev.ben.streams.auth;
