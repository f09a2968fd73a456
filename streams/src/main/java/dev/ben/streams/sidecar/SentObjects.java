package dev.ben.streams.sidecar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.SentBody;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a line's JSON object with the streaming parser, without building its tree, and keeps it as
 * the bytes it was sent in ({@link SentBody}). It answers only when sure that the tree path of
 * {@link EventParser} would accept the line as it is: one object, no key twice in any object (the
 * tree reader refuses those), no integer beyond a long and no float beyond a double's range ({@link
 * FaithfulNumbers}), then nothing but whitespace to the line's end. Anything else, and an object
 * with more keys than it compares one by one, goes to the tree, which accepts or says why. Not
 * thread-safe: one per request.
 */
final class SentObjects {

  /** Keys of one object compared pairwise; past this the tree's hash map finds a repeat sooner. */
  static final int MOST_KEYS = 64;

  private static final int LONG_DIGITS = 18;

  private final ObjectReader reader;
  private String[] keys = new String[16];

  /** Per open container: the index in {@link #keys} of its first key, or -1 for an array. */
  private int[] firstKey = new int[8];

  private int end;

  SentObjects(ObjectReader reader) {
    this.reader = reader;
  }

  /**
   * The parser's next value as a body, or null when the tree must decide (the parser is then of no
   * further use).
   *
   * @param base where in {@code bytes} the parser starts
   * @param to the end of the line in {@code bytes}
   */
  ObjectNode next(JsonParser parser, byte[] bytes, int base, int to) {
    try {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      int start = base + (int) parser.currentTokenLocation().getByteOffset();
      if (!readsAsTree(parser)) {
        return null;
      }
      end = base + (int) parser.currentLocation().getByteOffset();
      if (end > to || !whitespace(bytes, end, to)) {
        return null;
      }
      return SentBody.of(Arrays.copyOfRange(bytes, start, end), reader);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Where the last body read ended in its bytes. */
  int end() {
    return end;
  }

  /** Reads up to the end of the object just opened; false at anything the tree must judge. */
  private boolean readsAsTree(JsonParser parser) throws IOException {
    int open = 1;
    int held = 0;
    firstKey[0] = 0;
    while (open > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return false;
      }
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          if (open == firstKey.length) {
            firstKey = Arrays.copyOf(firstKey, open * 2);
          }
          firstKey[open++] = token == JsonToken.START_OBJECT ? held : -1;
        }
        case END_OBJECT -> held = firstKey[--open];
        case END_ARRAY -> open--;
        case FIELD_NAME -> {
          held = key(parser.currentName(), firstKey[open - 1], held);
          if (held < 0) {
            return false;
          }
        }
        case VALUE_NUMBER_INT -> {
          if (!fitsLong(parser)) {
            return false;
          }
        }
        case VALUE_NUMBER_FLOAT -> {
          if (!finite(parser)) {
            return false;
          }
        }
        default -> {}
      }
    }
    return true;
  }

  /** Up to 18 characters (a sign and 17 digits, or 18 digits) are below 10^18: no need to parse. */
  private static boolean fitsLong(JsonParser parser) throws IOException {
    return parser.getTextLength() <= LONG_DIGITS
        || parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
  }

  /**
   * Without an exponent, fewer than 309 characters stay below a double's largest value (about
   * 1.8e308): no need to parse.
   */
  private static boolean finite(JsonParser parser) throws IOException {
    char[] text = parser.getTextCharacters();
    int from = parser.getTextOffset();
    int length = parser.getTextLength();
    boolean exponent = false;
    for (int i = from; i < from + length && !exponent; i++) {
      exponent = text[i] == 'e' || text[i] == 'E';
    }
    return (!exponent && length < 309) || Double.isFinite(parser.getDoubleValue());
  }

  /** Holds the key of the object whose keys start at {@code from}; -1 if repeated or too many. */
  private int key(String key, int from, int held) {
    if (held - from >= MOST_KEYS) {
      return -1;
    }
    for (int i = from; i < held; i++) {
      if (keys[i].equals(key)) {
        return -1;
      }
    }
    if (held == keys.length) {
      keys = Arrays.copyOf(keys, held * 2);
    }
    keys[held] = key;
    return held + 1;
  }

  static boolean whitespace(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
