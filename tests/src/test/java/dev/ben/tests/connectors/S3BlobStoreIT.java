package dev.ben.tests.connectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.blob.BlobStore;
import dev.ben.streams.blob.S3BlobStore;
import dev.ben.tests.support.TestServers;
import org.junit.jupiter.api.Test;

/** The blob contract against the real S3 server (s3proxy) through the MinIO SDK. */
class S3BlobStoreIT extends BlobStoreContract {

  @Override
  protected BlobStore open() {
    return S3BlobStore.open(TestServers.s3("ben-it"));
  }

  @Test
  void describesTheBucketItUses() {
    assertFalse(blobs.embedded());
    assertTrue(blobs.describe().endsWith("/ben-it"), blobs.describe());
  }
}
