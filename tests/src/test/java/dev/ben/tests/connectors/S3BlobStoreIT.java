package dev.ben.tests.connectors;

import dev.ben.streams.blob.BlobStore;
import dev.ben.streams.blob.S3BlobStore;
import dev.ben.tests.support.TestServers;

/** The blob contract against the real S3 server (s3proxy) through the MinIO SDK. */
class S3BlobStoreIT extends BlobStoreContract {

  @Override
  protected BlobStore open() {
    return S3BlobStore.open(TestServers.s3("ben-it"));
  }
}
