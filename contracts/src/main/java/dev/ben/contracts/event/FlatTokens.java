package dev.ben.contracts.event;

/**
 * A cursor over the bytes of one flat JSON line for {@link FlatLineTranslator}: whitespace, plain
 * strings, numbers and literals, each read only when it is in the simplest form JSON allows. A
 * string with an escape, a control character or a byte outside ASCII, a number with more digits
 * than a long surely holds, and anything nested are refused (the caller hands the line to Jackson).
 * Not thread-safe.
 */
final class FlatTokens {

  /** A refused token or the end of the line. */
  static final int REFUSED = -1;

  /** Longer numbers go to Jackson (its own limit on a number's length is far above this). */
  private static final int LONGEST_NUMBER = 64;

  /** A whole number of more digits is past even an unsigned long. */
  private static final int MOST_WHOLE_DIGITS = 20;

  private byte[] line = new byte[0];
  private int at;

  /** The last number read: whether it had a fraction or an exponent, and its whole value if not. */
  private boolean real;

  private long whole;

  private boolean wholeFits;

  void start(byte[] json) {
    line = json;
    at = 0;
  }

  byte[] line() {
    return line;
  }

  int position() {
    return at;
  }

  /** The byte after any whitespace, consumed only when it is {@code expected}. */
  boolean take(char expected) {
    skipWhitespace();
    if (at < line.length && line[at] == expected) {
      at++;
      return true;
    }
    return false;
  }

  /** The next byte after any whitespace, not consumed; {@link #REFUSED} at the end. */
  int peek() {
    skipWhitespace();
    return at < line.length ? line[at] : REFUSED;
  }

  private void skipWhitespace() {
    while (at < line.length) {
      byte b = line[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      at++;
    }
  }

  /**
   * A plain string at the cursor (which is on its opening quote): returns where its text starts and
   * leaves the cursor past the closing quote, whose position less the start is its length.
   */
  int string() {
    int from = at + 1;
    for (int i = from; i < line.length; i++) {
      byte b = line[i];
      if (b == '"') {
        at = i + 1;
        return from;
      }
      if (b < 0x20 || b == '\\' || b == 0x7f) {
        return REFUSED;
      }
    }
    return REFUSED;
  }

  /** A literal ({@code true}, {@code false}, {@code null}) at the cursor, consumed if there. */
  boolean literal(String word) {
    int end = at + word.length();
    if (end > line.length) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (line[at + i] != word.charAt(i)) {
        return false;
      }
    }
    at = end;
    return true;
  }

  /**
   * A number in JSON's grammar at the cursor: returns where it starts and leaves the cursor past it
   * ({@link #isReal()} and {@link #wholeValue()} describe it), or {@link #REFUSED}.
   */
  int number() {
    int from = at;
    int i = at;
    boolean negative = i < line.length && line[i] == '-';
    if (negative) {
      i++;
    }
    int digitsFrom = i;
    // Accumulated below zero, where a long reaches one further than above.
    long value = 0;
    boolean overflow = false;
    while (i < line.length && isDigit(line[i])) {
      int digit = line[i] - '0';
      overflow |= value < (Long.MIN_VALUE + digit) / 10;
      value = value * 10 - digit;
      i++;
    }
    int digits = i - digitsFrom;
    if (digits == 0 || (digits > 1 && line[digitsFrom] == '0')) {
      return REFUSED;
    }
    real = false;
    if (i < line.length && line[i] == '.') {
      int fractionFrom = ++i;
      i = digitsFrom(i);
      if (i == fractionFrom) {
        return REFUSED;
      }
      real = true;
    }
    if (i < line.length && (line[i] == 'e' || line[i] == 'E')) {
      i++;
      if (i < line.length && (line[i] == '+' || line[i] == '-')) {
        i++;
      }
      int exponentFrom = i;
      i = digitsFrom(i);
      if (i == exponentFrom) {
        return REFUSED;
      }
      real = true;
    }
    if (i - from > LONGEST_NUMBER || (!real && digits > MOST_WHOLE_DIGITS)) {
      return REFUSED;
    }
    wholeFits = !real && !overflow && (negative || value != Long.MIN_VALUE);
    whole = negative ? value : -value;
    at = i;
    return from;
  }

  private int digitsFrom(int i) {
    while (i < line.length && isDigit(line[i])) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  boolean isReal() {
    return real;
  }

  /** Whether the last number was whole and within a long's range. */
  boolean wholeFitsLong() {
    return wholeFits;
  }

  /** The last number's value, when it was whole and fit a long. */
  long wholeValue() {
    return whole;
  }
}
