/**
 * Signed, deterministic bundles of compiled contract artifacts: canonical JSON encoding, sha256
 * fingerprints, the manifest, Ed25519 signing keys and their files, and the reader/verifier that
 * refuses anything tampered, unsigned or signed by a key that is not trusted.
 */
package dev.ben.contracts.bundle;
