package dev.ben.contracts.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTableTest {

  /** What the table must answer: an access-ordered map that evicts its eldest past the bound. */
  private static final class Model {
    final int maxKeys;
    long evictions;
    final LinkedHashMap<String, Integer> map;

    Model(int maxKeys) {
      this.maxKeys = maxKeys;
      this.map =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
              if (size() > Model.this.maxKeys) {
                evictions++;
                return true;
              }
              return false;
            }
          };
    }

    List<Map.Entry<String, Integer>> newestFirst() {
      List<Map.Entry<String, Integer>> entries = new ArrayList<>(map.entrySet());
      Collections.reverse(entries);
      return entries.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }
  }

  @Test
  void answersAsAnAccessOrderedMapBoundedByEvictingTheEldest() {
    for (int maxKeys : new int[] {1, 2, 7, 16, 17, 100, 1000}) {
      Random random = new Random(maxKeys);
      KeyTable<Integer> table = new KeyTable<>(maxKeys);
      Model model = new Model(maxKeys);
      int keySpace = maxKeys * 3 + 5;
      for (int step = 0; step < 20_000; step++) {
        String key = "k" + random.nextInt(keySpace);
        int op = random.nextInt(10);
        if (op < 7) {
          Integer fresh = step;
          Integer got = table.getOrCreate(key, () -> fresh);
          Integer expected = model.map.get(key);
          if (expected == null) {
            model.map.put(key, fresh);
            expected = fresh;
          }
          assertSame(expected, got, "state of " + key + " at step " + step);
        } else if (op < 9) {
          Integer state = step;
          table.put(key, state);
          model.map.put(key, state);
        } else {
          assertEquals(model.map.containsKey(key), table.contains(key), key);
        }
        assertEquals(model.map.size(), table.size());
        assertEquals(model.evictions, table.evictions());
        if (step % 997 == 0) {
          assertEquals(model.newestFirst(), table.newestFirst(), "order at step " + step);
        }
      }
      assertEquals(model.newestFirst(), table.newestFirst());
    }
  }

  @Test
  void keysWithTheSameHashStayApart() {
    // "Aa" and "BB" share a hash code, and so do their concatenations.
    KeyTable<String> table = new KeyTable<>(3);
    for (String key : List.of("AaAa", "AaBB", "BBAa", "BBBB")) {
      table.getOrCreate(key, () -> key);
    }
    assertEquals(3, table.size());
    assertEquals(1, table.evictions());
    assertEquals(
        List.of("BBBB", "BBAa", "AaBB"),
        table.newestFirst().stream().map(Map.Entry::getKey).toList());
    assertEquals("AaBB", table.getOrCreate("AaBB", () -> "new"));
    assertEquals("new", table.getOrCreate("AaAa", () -> "new"));
  }

  @Test
  void readingTheEntriesOrCheckingAKeyIsNoUse() {
    KeyTable<Integer> table = new KeyTable<>(2);
    table.put("a", 1);
    table.put("b", 2);
    table.contains("a");
    table.newestFirst();
    table.put("c", 3);
    assertEquals(List.of(Map.entry("c", 3), Map.entry("b", 2)), table.newestFirst());
  }
}
