package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestNamesTest {

  @Test
  void validNamesAreNotRefused() {
    assertEquals(Optional.empty(), IngestNames.refusal("auth.v2_x-1"));
    assertEquals(Optional.empty(), IngestNames.refusal("a".repeat(64)));
  }

  @Test
  void aMissingOrBadPipelineIsRefusedWithHowToNameIt() {
    String refusal = IngestNames.refusal("").orElseThrow();
    assertTrue(refusal.contains("?pipeline=NAME"), refusal);
    assertTrue(IngestNames.refusal("a/b").isPresent());
    assertTrue(IngestNames.refusal("a".repeat(65)).isPresent());
  }
}
