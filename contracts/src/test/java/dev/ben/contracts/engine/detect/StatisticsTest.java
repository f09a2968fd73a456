package dev.ben.contracts.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void ewmaSeedsWithTheFirstValue() {
    var ewma = new Ewma(0.5);
    assertEquals(10, ewma.update(10));
    assertEquals(15, ewma.update(20));
    assertEquals(7.5, ewma.update(0));
  }

  @Test
  void cusumAlarmsOnAShiftOnceThenAdoptsTheNewLevel() {
    var cusum = new Cusum(0.5, 5);
    var random = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      double statistic = cusum.update(10 + random.nextGaussian());
      assertFalse(statistic > 5, "no alarm on stable data at " + i);
    }
    int alarms = 0;
    int firstAlarm = -1;
    for (int i = 0; i < 200; i++) {
      if (cusum.update(14 + random.nextGaussian()) > 5) {
        alarms++;
        firstAlarm = firstAlarm < 0 ? i : firstAlarm;
      }
    }
    assertTrue(
        firstAlarm >= 0 && firstAlarm < 5,
        "a 4-sigma shift is caught within a few values: " + firstAlarm);
    assertTrue(alarms <= 3, "after the reset the new level is the baseline: " + alarms);
  }

  @Test
  void halfSpaceTreesSeparateInjectedSpikesFromASeasonalSignal() {
    var scorer = new HalfSpaceScorer(new HalfSpaceForest(42), 250);
    var random = new SplittableRandom(1);
    double normalTotal = 0;
    int normalCount = 0;
    int spikesCaught = 0;
    int spikes = 0;
    for (int t = 0; t < 5000; t++) {
      boolean spike = t > 1000 && t % 397 == 0;
      double value =
          50 + 10 * Math.sin(2 * Math.PI * t / 100) + random.nextGaussian() + (spike ? 40 : 0);
      double score = scorer.update(value);
      if (t < 500) {
        continue;
      }
      if (spike) {
        spikes++;
        spikesCaught += score > 0.8 ? 1 : 0;
      } else {
        normalTotal += score;
        normalCount++;
      }
    }
    assertEquals(spikes, spikesCaught, "every spike scores above 0.8");
    assertTrue(
        normalTotal / normalCount < 0.3, "normal points score low: " + normalTotal / normalCount);
  }

  @Test
  void halfSpaceTreesAreDeterministicForASeed() {
    var a = new HalfSpaceScorer(new HalfSpaceForest(9), 50);
    var b = new HalfSpaceScorer(new HalfSpaceForest(9), 50);
    for (int t = 0; t < 300; t++) {
      double value = t % 17;
      assertEquals(
          Double.doubleToLongBits(a.update(value)), Double.doubleToLongBits(b.update(value)));
    }
  }
}
