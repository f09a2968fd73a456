/**
 * Blob storage for bundles, artifacts and quarantined payloads: an S3-compatible server (MinIO SDK)
 * when configured, a local directory otherwise, behind one blocking interface with validated keys.
 */
package dev.ben.streams.blob;
