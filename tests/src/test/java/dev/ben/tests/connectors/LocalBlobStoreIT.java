package dev.ben.tests.connectors;

import dev.ben.streams.blob.BlobStore;
import dev.ben.streams.blob.LocalBlobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The same blob contract against the local-directory default. */
class LocalBlobStoreIT extends BlobStoreContract {

  @TempDir
  Path dir;

  @Override
  protected BlobStore open() {
    return new LocalBlobStore(dir);
  }
}
