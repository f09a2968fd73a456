package dev.ben.streams.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows for one table as values in column order, built once from the events with no JSON per row.
 * The store encodes each value as the column it lands in declares, so a value only has to be one of
 * a few plain forms:
 *
 * <ul>
 *   <li>{@code null}: NULL in a Nullable column, the type's zero elsewhere;
 *   <li>{@code String}: text;
 *   <li>{@code Long} (any integral {@code Number}): integer columns, and {@code UInt8} booleans as
 *       0 or 1; a {@code BigInteger} for an integer beyond a long (a {@code UInt64});
 *   <li>{@code Double} (any other {@code Number}): float columns, NaN and infinities included;
 *   <li>{@code Instant}: a {@code DateTime}, in whole seconds;
 *   <li>{@code List}: an {@code Array} column, of values of these forms.
 * </ul>
 *
 * Columns the rows leave out take their defaults, as keys missing from a JSON row would.
 */
public final class TypedRows {

  private final List<String> columns;
  private final List<Object[]> rows;

  public TypedRows(List<String> columns, int expectedRows) {
    this.columns = List.copyOf(columns);
    this.rows = new ArrayList<>(expectedRows);
  }

  /** Adds a row; it must have one value per column, in column order. */
  public TypedRows add(Object[] values) {
    Objects.requireNonNull(values, "values");
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "a row of " + values.length + " values for " + columns.size() + " columns");
    }
    rows.add(values);
    return this;
  }

  public List<String> columns() {
    return columns;
  }

  public List<Object[]> rows() {
    return rows;
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
