package dev.ben.streams.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Shares one batch's rows out for writers that append at once: by the hash of their {@code
 * event_id}, so every row of one event lands in the same share (a keyed table's repeats are then
 * resolved inside one transaction), or in runs of equal length when the rows carry no event id.
 * Each share keeps the batch's order.
 */
final class RowShares {

  private RowShares() {}

  static List<TypedRows> byEventId(TypedRows rows, int shares) {
    if (shares < 1) {
      throw new IllegalArgumentException("shares must be at least 1, got " + shares);
    }
    List<TypedRows> parts = new ArrayList<>(shares);
    int expected = rows.size() / shares + 1;
    for (int i = 0; i < shares; i++) {
      parts.add(new TypedRows(rows.columns(), expected));
    }
    int eventId = rows.columns().indexOf("event_id");
    List<Object[]> all = rows.rows();
    for (int i = 0; i < all.size(); i++) {
      Object[] row = all.get(i);
      int share =
          eventId < 0 || row[eventId] == null
              ? (int) ((long) i * shares / all.size())
              : Math.floorMod(row[eventId].hashCode(), shares);
      parts.get(share).add(row);
    }
    return parts;
  }
}
