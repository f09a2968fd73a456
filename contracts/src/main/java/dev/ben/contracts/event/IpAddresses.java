package dev.ben.contracts.event;

/**
 * Strict IP parsing and formatting without DNS or {@link java.net.InetAddress}. Every address is
 * 128 bits ({@code high}, {@code low}); IPv4 is stored IPv4-mapped ({@code ::ffff:a.b.c.d}) so one
 * CIDR test covers both.
 */
public final class IpAddresses {

  /** The {@code low} word prefix of IPv4-mapped addresses. */
  public static final long V4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;

  private IpAddresses() {}

  /**
   * Parses dotted-quad IPv4 into its 32-bit value, or -1 when malformed (no leading zeros, 0..255
   * each).
   */
  public static long parseV4(CharSequence text, int from, int to) {
    long value = 0;
    int octets = 0;
    int i = from;
    while (i <= to) {
      int start = i;
      int octet = 0;
      while (i < to && Character.isDigit(text.charAt(i)) && i - start < 3) {
        octet = octet * 10 + (text.charAt(i) - '0');
        i++;
      }
      boolean leadingZero = i - start > 1 && text.charAt(start) == '0';
      if (i == start || octet > 255 || leadingZero || ++octets > 4) {
        return -1;
      }
      value = (value << 8) | octet;
      if (i == to) {
        break;
      }
      if (text.charAt(i) != '.') {
        return -1;
      }
      i++;
    }
    return octets == 4 ? value : -1;
  }

  /**
   * Parses IPv4 or IPv6 text into {@code out[0]} (high) and {@code out[1]} (low); false when
   * malformed.
   */
  public static boolean parse(CharSequence text, long[] out) {
    if (text.length() == 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ':') {
        return parseV6(text, out);
      }
    }
    long v4 = parseV4(text, 0, text.length());
    if (v4 < 0) {
      return false;
    }
    out[0] = 0;
    out[1] = V4_MAPPED_PREFIX | v4;
    return true;
  }

  private static boolean parseV6(CharSequence text, long[] out) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    int n = text.length();
    if (n >= 2 && text.charAt(0) == ':' && text.charAt(1) == ':') {
      gap = 0;
      i = 2;
    } else if (text.charAt(0) == ':') {
      return false;
    }
    while (i < n) {
      int start = i;
      int group = 0;
      while (i < n && Character.digit(text.charAt(i), 16) >= 0 && i - start < 4) {
        group = (group << 4) | Character.digit(text.charAt(i), 16);
        i++;
      }
      if (i < n && text.charAt(i) == '.') {
        long v4 = parseV4(text, start, n);
        if (v4 < 0 || count > 6) {
          return false;
        }
        groups[count++] = (int) (v4 >>> 16);
        groups[count++] = (int) (v4 & 0xFFFF);
        i = n;
        break;
      }
      if (i == start || count == 8) {
        return false;
      }
      groups[count++] = group;
      if (i == n) {
        break;
      }
      if (text.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < n && text.charAt(i) == ':') {
        if (gap >= 0) {
          return false;
        }
        gap = count;
        i++;
      } else if (i == n) {
        return false;
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return false;
    }
    long[] words = new long[8];
    int shift = gap < 0 ? 0 : 8 - count;
    for (int g = 0; g < count; g++) {
      words[g < gap || gap < 0 ? g : g + shift] = groups[g];
    }
    out[0] = (words[0] << 48) | (words[1] << 32) | (words[2] << 16) | words[3];
    out[1] = (words[4] << 48) | (words[5] << 32) | (words[6] << 16) | words[7];
    return true;
  }

  public static boolean isV4Mapped(long high, long low) {
    return high == 0 && (low & 0xFFFF_FFFF_0000_0000L) == V4_MAPPED_PREFIX;
  }

  /**
   * Canonical text: dotted quad for IPv4(-mapped) when {@code asV4}, else RFC 5952 compressed IPv6.
   */
  public static String format(long high, long low, boolean asV4) {
    if (asV4 && isV4Mapped(high, low)) {
      return ((low >>> 24) & 0xFF)
          + "."
          + ((low >>> 16) & 0xFF)
          + "."
          + ((low >>> 8) & 0xFF)
          + "."
          + (low & 0xFF);
    }
    int[] groups = new int[8];
    for (int g = 0; g < 4; g++) {
      groups[g] = (int) ((high >>> (48 - 16 * g)) & 0xFFFF);
      groups[g + 4] = (int) ((low >>> (48 - 16 * g)) & 0xFFFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int g = 0; g < 8; g++) {
      int length = 0;
      while (g + length < 8 && groups[g + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = g;
        bestLength = length;
      }
    }
    var text = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        text.append("::");
        g += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[g]));
    }
    return text.toString();
  }

  /**
   * Zeroes every bit past the first {@code prefixBits} of the 128-bit address, into {@code out}.
   */
  public static void keepPrefix(long high, long low, int prefixBits, long[] out) {
    out[0] = prefixBits >= 64 ? high : prefixBits <= 0 ? 0 : high & (-1L << (64 - prefixBits));
    int lowBits = prefixBits - 64;
    out[1] = lowBits >= 64 ? low : lowBits <= 0 ? 0 : low & (-1L << (64 - lowBits));
  }
}
