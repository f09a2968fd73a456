package dev.ben.streams.rocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksIndexTest {

  @TempDir Path dir;

  @Test
  void putGetDeleteAndPrefixScanInKeyOrderSurviveReopening() {
    try (RocksIndex index = RocksIndex.open(dir)) {
      index.put("bundle/auth/00000002", "b2");
      index.put("bundle/auth/00000001", "b1");
      index.put("bundle/web/00000001", "w1");
      index.put("bundle/authz/00000001", "z1");
      index.delete("bundle/web/00000001");
    }
    try (RocksIndex index = RocksIndex.open(dir)) {
      assertEquals("b1", index.get("bundle/auth/00000001").orElseThrow());
      assertTrue(index.get("bundle/web/00000001").isEmpty());
      List<Map.Entry<String, String>> auth = index.scan("bundle/auth/", 10);
      assertEquals(
          List.of("bundle/auth/00000001", "bundle/auth/00000002"),
          auth.stream().map(Map.Entry::getKey).toList());
      assertEquals(1, index.scan("bundle/", 1).size());
    }
  }

  @Test
  void anIndexForSyncedAppendsReusesItsLogFilesAndKeepsWhatItWrote() throws Exception {
    Path appends = dir.resolve("appends");
    try (RocksIndex index = RocksIndex.openForSyncedAppends(appends)) {
      index.write(List.of(Map.entry(utf8("k1"), utf8("v1"))), List.of(), true);
      index.write(List.of(Map.entry(utf8("k2"), utf8("v2"))), List.of(utf8("k1")), true);
    }
    assertTrue(
        Files.readString(appends.resolve("LOG"))
            .contains("Options.recycle_log_file_num: " + RocksIndex.RECYCLED_LOG_FILES));
    try (RocksIndex index = RocksIndex.openForSyncedAppends(appends)) {
      assertTrue(index.get("k1").isEmpty());
      assertEquals("v2", index.get("k2").orElseThrow());
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCallAfterCloseFailsWithAReasonInsteadOfCrashingTheJvm() {
    RocksIndex index = RocksIndex.open(dir.resolve("closed"));
    index.put("k", "v");
    index.close();
    index.close();
    IllegalStateException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> index.put("k", "w"));
    org.junit.jupiter.api.Assertions.assertTrue(
        refused.getMessage().contains("it is closed"), refused.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> index.scan("k", 1));
  }
}
