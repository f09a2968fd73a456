package dev.ben.streams.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.blob.LocalBlobStore;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAccessTest {

  @TempDir Path dir;

  private StoreAccess open() {
    return new StoreAccess(
        new LocalBlobStore(dir.resolve("blobs")), RocksIndex.open(dir.resolve("index")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aStoredVersionIsFoundAndReadBackAfterAReopen() {
    ArtifactKey key;
    try (StoreAccess access = open()) {
      key = access.put("auth", 3, bytes("bundle three"));
      assertEquals(
          key,
          access.put("auth", 3, bytes("bundle three")),
          "storing the same bytes again is a no-op");
    }
    try (StoreAccess access = open()) {
      assertEquals(key, access.find("auth", 3).orElseThrow());
      assertArrayEquals(bytes("bundle three"), access.read(key));
    }
  }

  @Test
  void versionsComeBackInNumericOrder() {
    try (StoreAccess access = open()) {
      access.put("auth", 10, bytes("ten"));
      access.put("auth", 2, bytes("two"));
      access.put("authz", 1, bytes("other pipeline"));
      assertEquals(
          List.of(2L, 10L), access.versions("auth").stream().map(ArtifactKey::version).toList());
    }
  }

  @Test
  void differentBytesUnderAStoredVersionAreRefused() {
    try (StoreAccess access = open()) {
      access.put("auth", 1, bytes("first"));
      var refused =
          assertThrows(StoreAccessException.class, () -> access.put("auth", 1, bytes("second")));
      assertTrue(
          refused.getMessage().contains("a version's bundle never changes"), refused.getMessage());
    }
  }

  @Test
  void aBlobChangedBehindItsBackIsNotLoaded() throws Exception {
    try (StoreAccess access = open()) {
      ArtifactKey key = access.put("auth", 1, bytes("original"));
      Files.writeString(dir.resolve("blobs").resolve(key.blobKey()), "tampered");
      var refused = assertThrows(StoreAccessException.class, () -> access.read(key));
      assertTrue(refused.getMessage().contains("refusing to load it"), refused.getMessage());
    }
  }

  @Test
  void deletingAPipelineRemovesItsBlobsAndKeys() {
    try (StoreAccess access = open()) {
      ArtifactKey key = access.put("auth", 1, bytes("one"));
      access.deleteAll("auth");
      assertEquals(List.of(), access.versions("auth"));
      assertThrows(StoreAccessException.class, () -> access.read(key));
    }
  }
}
