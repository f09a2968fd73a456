package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlowSettingsTest {

  private static FlowSettings settings(String overrides) {
    return FlowSettings.fromConfig(ReferenceConfig.with(overrides));
  }

  @Test
  void defaultsBoundEveryStageAndSplitTheGraphBeforeTheDetector() {
    FlowSettings s = settings("");
    assertEquals(1024, s.stageBuffer());
    assertEquals(20_000, s.storeBatchSize());
    assertEquals(Duration.ofSeconds(1), s.storeBatchInterval());
    assertTrue(s.boundaryBeforeDetector());
    assertFalse(s.boundaryBeforeStore());
  }

  @Test
  void boundariesAreTaken() {
    FlowSettings s =
        settings("ben.flow { boundary-before-detector = off, boundary-before-store = on }");
    assertFalse(s.boundaryBeforeDetector());
    assertTrue(s.boundaryBeforeStore());
  }

  @Test
  void aBoundaryThatIsNotOnOrOffIsRefusedWithItsKey() {
    SettingsException refused =
        assertThrows(
            SettingsException.class, () -> settings("ben.flow.boundary-before-store = sometimes"));
    assertEquals("ben.flow.boundary-before-store", refused.key());
  }
}
