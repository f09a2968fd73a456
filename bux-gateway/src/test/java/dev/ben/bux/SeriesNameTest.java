package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.streams.metrics.Labels;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A history series' name read back into the family and labels it was rendered from. */
class SeriesNameTest {

  @Test
  void readsBackWhatLabelsRenderEscapesIncluded() {
    Labels labels =
        Labels.of(
            "pipeline", "auth", "reason", "bad \"quote\", back\\slash\nline", "stage", "spine");
    assertEquals(
        Optional.of(new SeriesName("ben_stage_events_total", labels)),
        SeriesName.parse("ben_stage_events_total" + labels));
  }

  @Test
  void aNameWithoutLabelsIsItsFamilyAlone() {
    assertEquals(
        Optional.of(new SeriesName("jvm_threads", Labels.NONE)), SeriesName.parse("jvm_threads"));
    assertEquals(
        Optional.of(new SeriesName("jvm_threads", Labels.NONE)), SeriesName.parse("jvm_threads{}"));
  }

  @Test
  void aNameTheHistoryDoesNotRenderIsNone() {
    assertEquals(Optional.empty(), SeriesName.parse("ben_x{stage=spine}"));
    assertEquals(Optional.empty(), SeriesName.parse("ben_x{stage=\"spine\"junk}"));
    assertEquals(Optional.empty(), SeriesName.parse("ben x"));
    assertEquals(Optional.empty(), SeriesName.parse("ben_x{stage=\"spine"));
  }
}
