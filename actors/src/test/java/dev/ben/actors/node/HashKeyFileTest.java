package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashKeyFileTest {

  @TempDir Path dir;

  @Test
  void aMissingKeyIsCreatedAs32RandomBytesOnlyItsOwnerCanReadOrWrite() throws Exception {
    Path file = dir.resolve("secrets/node/hash.key");

    byte[] key = HashKeyFile.loadOrCreate(file);

    assertEquals(HashKeyFile.KEY_BYTES, key.length);
    assertArrayEquals(key, Files.readAllBytes(file));
    assertFalse(
        Arrays.equals(new byte[HashKeyFile.KEY_BYTES], key), "the key is random, not zeros");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void theNextCallReturnsTheSameKey() {
    Path file = dir.resolve("hash.key");

    byte[] first = HashKeyFile.loadOrCreate(file);
    byte[] second = HashKeyFile.loadOrCreate(file);

    assertArrayEquals(first, second);
  }

  @Test
  void twoNodesGetDifferentKeys() {
    assertFalse(
        Arrays.equals(
            HashKeyFile.loadOrCreate(dir.resolve("a.key")),
            HashKeyFile.loadOrCreate(dir.resolve("b.key"))));
  }

  @Test
  void anExistingKeyIsUsedAsItIs() throws Exception {
    Path file = dir.resolve("hash.key");
    byte[] existing = new byte[HashKeyFile.KEY_BYTES];
    Arrays.fill(existing, (byte) 7);
    Files.write(file, existing);

    assertArrayEquals(existing, HashKeyFile.loadOrCreate(file));
  }

  @Test
  void aFileOfAnotherSizeIsRefusedNamingTheFileAndLeftAlone() throws Exception {
    Path file = dir.resolve("hash.key");
    Files.write(file, new byte[16]);

    var refused = assertThrows(IllegalStateException.class, () -> HashKeyFile.loadOrCreate(file));

    assertTrue(
        refused.getMessage().contains("the hash key file " + file + " holds 16 bytes, not 32"),
        refused.getMessage());
    assertEquals(16, Files.size(file), "the file is not overwritten");
  }
}
