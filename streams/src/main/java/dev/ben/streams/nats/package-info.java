/**
 * NATS as Ben's notification and presence plane (never bulk data): JetStream streams with durable
 * consumers, KV buckets with watchers and Object Stores, each exposed as blocking calls or Pekko
 * Streams sources.
 */
package dev.ben.streams.nats;
