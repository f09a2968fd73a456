package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowSharesTest {

  @Test
  void everyRowOfOneEventLandsInOneShareInTheBatchsOrder() {
    TypedRows rows = new TypedRows(List.of("n", "event_id"), 100);
    for (int i = 0; i < 100; i++) {
      rows.add(new Object[] {(long) i, "e" + (i % 30)});
    }
    List<TypedRows> shares = RowShares.byEventId(rows, 3);

    assertEquals(3, shares.size());
    Map<Object, Integer> shareOf = new HashMap<>();
    int total = 0;
    for (int s = 0; s < shares.size(); s++) {
      long last = -1;
      for (Object[] row : shares.get(s).rows()) {
        Integer before = shareOf.put(row[1], s);
        assertTrue(before == null || before == s, "event in two shares: " + row[1]);
        assertTrue((long) row[0] > last, "order kept within a share");
        last = (long) row[0];
        total++;
      }
      assertEquals(rows.columns(), shares.get(s).columns());
    }
    assertEquals(100, total);
    assertEquals(30, shareOf.size());
    assertTrue(shares.stream().allMatch(share -> !share.isEmpty()), "thirty events fill three");
  }

  @Test
  void rowsWithoutAnEventIdAreSharedInEqualRuns() {
    TypedRows rows = new TypedRows(List.of("n"), 10);
    for (int i = 0; i < 10; i++) {
      rows.add(new Object[] {(long) i});
    }
    List<TypedRows> shares = RowShares.byEventId(rows, 2);
    assertEquals(
        List.of(0L, 1L, 2L, 3L, 4L), shares.get(0).rows().stream().map(r -> r[0]).toList());
    assertEquals(
        List.of(5L, 6L, 7L, 8L, 9L), shares.get(1).rows().stream().map(r -> r[0]).toList());
  }

  @Test
  void noSharesIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RowShares.byEventId(new TypedRows(List.of("n"), 0), 0));
  }
}
