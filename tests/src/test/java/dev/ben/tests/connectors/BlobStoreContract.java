package dev.ben.tests.connectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.blob.BlobException;
import dev.ben.streams.blob.BlobStore;
import dev.ben.tests.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every blob store must do, run against S3 (s3proxy) and the local directory alike. */
abstract class BlobStoreContract {

  protected BlobStore blobs;
  private String prefix;

  protected abstract BlobStore open();

  @BeforeEach
  void openStore() {
    blobs = open();
    prefix = TestServers.unique("run") + "/";
  }

  @AfterEach
  void closeStore() {
    blobs.list(prefix).forEach(blobs::delete);
    blobs.close();
  }

  @Test
  void putGetListAndDelete() {
    byte[] bundle = "{\"bundle\":1} — ünïcode".getBytes(StandardCharsets.UTF_8);
    blobs.put(prefix + "bundles/auth/1.json", bundle);
    blobs.put(prefix + "bundles/auth/2.json", new byte[0]);
    blobs.put(prefix + "quarantine/x.bin", new byte[] {0, 1, 2, (byte) 255});
    assertArrayEquals(bundle, blobs.get(prefix + "bundles/auth/1.json").orElseThrow());
    assertEquals(0, blobs.get(prefix + "bundles/auth/2.json").orElseThrow().length);
    assertEquals(
        List.of(prefix + "bundles/auth/1.json", prefix + "bundles/auth/2.json"),
        blobs.list(prefix + "bundles/"));
    blobs.delete(prefix + "bundles/auth/1.json");
    assertTrue(blobs.get(prefix + "bundles/auth/1.json").isEmpty());
    blobs.delete(prefix + "never/existed");
  }

  @Test
  void overwritingReplacesTheBlob() {
    blobs.put(prefix + "k", new byte[] {1});
    blobs.put(prefix + "k", new byte[] {2, 3});
    assertArrayEquals(new byte[] {2, 3}, blobs.get(prefix + "k").orElseThrow());
  }

  @Test
  void keysThatCouldEscapeOrAreMalformedAreRefused() {
    for (String bad : List.of("../etc/passwd", "/abs", "a//b", "", ".hidden", "a/../b", "sp ace")) {
      BlobException e =
          assertThrows(BlobException.class, () -> blobs.put(bad, new byte[] {1}), bad);
      assertTrue(e.getMessage().contains("key"), e.getMessage());
    }
  }
}
