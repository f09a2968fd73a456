package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestNamesTest {

  @Test
  void theAppParameterWinsOverTheHeaderAndDefaultIsTheFallback() {
    assertEquals("web", IngestNames.app(Optional.of("web"), Optional.of("cli")));
    assertEquals("cli", IngestNames.app(Optional.empty(), Optional.of("cli")));
    assertEquals("default", IngestNames.app(Optional.empty(), Optional.empty()));
  }

  @Test
  void validNamesAreNotRefused() {
    assertEquals(Optional.empty(), IngestNames.refusal(Optional.of("auth.v2_x-1"), "web"));
    assertEquals(Optional.empty(), IngestNames.refusal(Optional.empty(), "a".repeat(64)));
  }

  @Test
  void aMissingOrBadPipelineIsRefusedFirstWithHowToNameIt() {
    String refusal = IngestNames.refusal(Optional.of(""), "bad app").orElseThrow();
    assertTrue(refusal.contains("?pipeline=NAME"), refusal);
    assertTrue(IngestNames.refusal(Optional.of("a/b"), "web").isPresent());
  }

  @Test
  void aBadAppIsRefusedNamingIt() {
    String refusal = IngestNames.refusal(Optional.empty(), "bad app").orElseThrow();
    assertTrue(refusal.contains("`bad app`"), refusal);
    assertTrue(IngestNames.refusal(Optional.of("auth"), "a".repeat(65)).isPresent());
  }
}
