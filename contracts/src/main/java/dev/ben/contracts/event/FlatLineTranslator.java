package dev.ben.contracts.event;

import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * The translator's fastest path: reads a flat JSON line (one object of plain ASCII strings, numbers
 * and literals, as most lines are) byte by byte straight into the event's slots, with no parser to
 * set up and no text copied twice. Like {@link StreamingTranslator} it only ever accepts, and only
 * what Jackson's streaming path would accept with the same values: anything else (an escape, a byte
 * outside ASCII, a nested value, an array field, a value that does not plainly fit) answers null
 * and the caller takes the streaming path, then the tree. Not thread-safe.
 */
final class FlatLineTranslator {

  /** As in the streaming path: more distinct unknown keys than this go on to it. */
  private static final int MOST_UNKNOWN = 32;

  /** Longer names go on to Jackson, which refuses a name past its own limit (50,000 by default). */
  private static final int LONGEST_NAME = 1_000;

  private final Schema schema;
  private final FieldType[] types;
  private final boolean[] arrays;
  private final boolean[] required;
  private final boolean[] seen;
  private final byte[][] names;
  private final int[] unknownFrom = new int[MOST_UNKNOWN];
  private final int[] unknownLength = new int[MOST_UNKNOWN];
  private int unknown;
  private final FlatTokens tokens = new FlatTokens();
  private final AsciiWindow window = new AsciiWindow();
  private final long[] ip = new long[2];
  private final Event arrayScratch;

  FlatLineTranslator(Schema schema) {
    this.schema = schema;
    FieldLayout layout = new FieldLayout(schema);
    this.types = layout.types;
    this.arrays = layout.arrays;
    this.required = layout.required;
    this.seen = new boolean[types.length];
    this.names = new byte[types.length][];
    this.arrayScratch = new Event(schema);
    for (int i = 0; i < types.length; i++) {
      names[i] = schema.fields().get(i).name().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The accepted event, or null when Jackson must read the line. */
  Translation.Accepted translate(byte[] json) {
    if (json.length > StreamingTranslator.LONGEST_STREAMED) {
      return null;
    }
    tokens.start(json);
    try {
      return read();
    } finally {
      tokens.start(null);
    }
  }

  private Translation.Accepted read() {
    if (!tokens.take('{')) {
      return null;
    }
    Arrays.fill(seen, false);
    unknown = 0;
    Event event = new Event(schema);
    boolean more = !tokens.take('}');
    while (more) {
      if (tokens.peek() != '"') {
        return null;
      }
      int nameFrom = tokens.string();
      if (nameFrom == FlatTokens.REFUSED) {
        return null;
      }
      int nameLength = tokens.position() - 1 - nameFrom;
      if (nameLength > LONGEST_NAME || !tokens.take(':') || tokens.peek() == FlatTokens.REFUSED) {
        return null;
      }
      int field = fieldNamed(nameFrom, nameLength);
      if (field < 0 ? !skipUnknown(nameFrom, nameLength) : !readField(field, event)) {
        return null;
      }
      more = tokens.take(',');
      if (!more && !tokens.take('}')) {
        return null;
      }
    }
    for (int i = 0; i < required.length; i++) {
      if (required[i] && !event.isPresent(i)) {
        return null;
      }
    }
    return new Translation.Accepted(event, unknown);
  }

  private int fieldNamed(int from, int length) {
    byte[] line = tokens.line();
    for (int i = 0; i < names.length; i++) {
      byte[] name = names[i];
      if (name.length == length && Arrays.equals(name, 0, length, line, from, from + length)) {
        return i;
      }
    }
    return -1;
  }

  /** An unknown key's value, counted once per distinct name, read only to be skipped. */
  private boolean skipUnknown(int from, int length) {
    byte[] line = tokens.line();
    boolean known = false;
    for (int i = 0; i < unknown && !known; i++) {
      known =
          unknownLength[i] == length
              && Arrays.equals(
                  line, unknownFrom[i], unknownFrom[i] + length, line, from, from + length);
    }
    if (!known) {
      if (unknown == MOST_UNKNOWN) {
        return false;
      }
      unknownFrom[unknown] = from;
      unknownLength[unknown++] = length;
    }
    int next = tokens.peek();
    if (next == '"') {
      return tokens.string() != FlatTokens.REFUSED;
    }
    if (next == '-' || (next >= '0' && next <= '9')) {
      return tokens.number() != FlatTokens.REFUSED;
    }
    return tokens.literal("null") || tokens.literal("true") || tokens.literal("false");
  }

  private boolean readField(int field, Event event) {
    if (seen[field]) {
      return false;
    }
    seen[field] = true;
    if (tokens.literal("null")) {
      return true;
    }
    return arrays[field] ? array(field, event) : scalar(field, event);
  }

  /** Elements as the streaming path keeps them: each decoded alone, then as its plain value. */
  private boolean array(int field, Event event) {
    if (!tokens.take('[')) {
      return false;
    }
    var items = new ArrayList<Object>();
    boolean more = !tokens.take(']');
    while (more) {
      if (tokens.peek() == 'n' || !scalar(field, arrayScratch)) {
        return false;
      }
      items.add(arrayScratch.plainValue(field));
      more = tokens.take(',');
      if (!more && !tokens.take(']')) {
        return false;
      }
    }
    event.setArray(field, items);
    return true;
  }

  /** A value other than null. */
  private boolean scalar(int field, Event event) {
    int next = tokens.peek();
    if (next == '"') {
      int from = tokens.string();
      return from != FlatTokens.REFUSED
          && FlatValues.text(
              types[field], tokens.line(), from, tokens.position() - 1, field, event, window, ip);
    }
    if (next == '-' || (next >= '0' && next <= '9')) {
      int from = tokens.number();
      return from != FlatTokens.REFUSED
          && FlatValues.number(types[field], tokens, from, field, event);
    }
    if (types[field] != FieldType.BOOL) {
      return false;
    }
    if (tokens.literal("true")) {
      event.setLong(field, 1);
      return true;
    }
    if (tokens.literal("false")) {
      event.setLong(field, 0);
      return true;
    }
    return false;
  }
}
