package dev.ben.tests.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.blob.BlobStore;
import dev.ben.streams.blob.LocalBlobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same blob contract against the local-directory default. */
class LocalBlobStoreIT extends BlobStoreContract {

  @TempDir Path dir;

  @Override
  protected BlobStore open() {
    return new LocalBlobStore(dir);
  }

  @Test
  void blobsSurviveANewStoreOnTheSameDirectory() {
    blobs.put("kept/one", new byte[] {4, 2});
    assertTrue(blobs.embedded());
    assertArrayEquals(new byte[] {4, 2}, new LocalBlobStore(dir).get("kept/one").orElseThrow());
    blobs.delete("kept/one");
  }
}
