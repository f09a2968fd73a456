/** Detector state against the real servers: snapshots in a JetStream KV bucket. */
package dev.ben.tests.detector;
