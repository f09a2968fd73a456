package dev.ben.contracts.event;

/**
 * An event's present fields as the read-only map {@link Event#toPlainMap()} hands out (field name
 * to plain value, in schema order), kept as two exact arrays instead of a linked hash map's entry
 * per field: every evaluated event is turned into one.
 */
final class PlainValues extends NamedArrayMap<Object> {

  private final Object[] values;

  /** Both arrays become this map's own; names are distinct. */
  PlainValues(String[] names, Object[] values) {
    super(names);
    this.values = values;
  }

  @Override
  protected Object valueAt(int i) {
    return values[i];
  }
}
