package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.auth.RocksIdentityStore;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashKeyAgreementTest {

  @TempDir Path dir;

  private static byte[] key(int fill) {
    byte[] key = new byte[HashKeyFile.KEY_BYTES];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  @Test
  void theFirstNodesKeyIsTheClustersAndAnotherKeyIsRefusedNamingTheFile() {
    try (RocksIndex index = RocksIndex.open(dir.resolve("index"))) {
      var identities = new RocksIdentityStore(index);
      Path file = dir.resolve("keys/hash.key");
      assertDoesNotThrow(() -> HashKeyAgreement.check(identities, key(1), file));
      assertDoesNotThrow(() -> HashKeyAgreement.check(identities, key(1), file));
      var refused =
          assertThrows(
              IllegalStateException.class, () -> HashKeyAgreement.check(identities, key(2), file));
      assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
      assertTrue(
          refused.getMessage().contains(HashKeyAgreement.fingerprint(key(1))),
          refused.getMessage());
    }
  }

  @Test
  void fingerprintsTellKeysApartWithoutShowingThem() {
    String one = HashKeyAgreement.fingerprint(key(1));
    assertEquals(16, one.length());
    assertEquals(one, HashKeyAgreement.fingerprint(key(1)));
    assertNotEquals(one, HashKeyAgreement.fingerprint(key(2)));
  }
}
