package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.IpAddresses;
import dev.ben.contracts.event.ValueKind;

/**
 * Field tests over text and addresses: prefixes, substrings, regexes, fuzzy lists and CIDR blocks.
 */
final class TextTests {

  private TextTests() {}

  record StartsWith(int field, String prefix) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      String text = event.text(field);
      return text != null && text.startsWith(prefix);
    }
  }

  record Contains(int field, String part) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      String text = event.text(field);
      return text != null && text.contains(part);
    }
  }

  /**
   * Searches with the evaluator's own reusable matcher for this regex (compiled once per policy).
   */
  record Matches(int field, int matcherSlot) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      String text = event.text(field);
      return text != null && scratch.matchers[matcherSlot].reset(text).find();
    }
  }

  /**
   * Case-insensitive bounded edit distance against every list entry (entries pre-lowered to code
   * points).
   */
  record Fuzzy(int field, int[][] entries, int within) implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      String text = event.text(field);
      if (text == null) {
        return false;
      }
      int length = scratch.lowerCodePoints(text);
      for (int[] entry : entries) {
        if (Levenshtein.bounded(
                scratch.codePoints, length, entry, within, scratch.previousRow, scratch.currentRow)
            <= within) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * CIDR blocks as 128-bit network/mask pairs; IPv4 blocks are stored IPv4-mapped like the
   * addresses.
   */
  record InCidr(int field, long[] networkHigh, long[] networkLow, long[] maskHigh, long[] maskLow)
      implements BitProbe {
    @Override
    public boolean test(Event event, long[] mask, Scratch scratch) {
      if (event.kind(field) != ValueKind.IP) {
        return false;
      }
      long high = event.ipHigh(field);
      long low = event.ipLow(field);
      for (int i = 0; i < networkHigh.length; i++) {
        if ((high & maskHigh[i]) == networkHigh[i] && (low & maskLow[i]) == networkLow[i]) {
          return true;
        }
      }
      return false;
    }

    static InCidr of(int field, java.util.List<String> cidrs, String where) {
      int n = cidrs.size();
      long[] netHigh = new long[n];
      long[] netLow = new long[n];
      long[] maskHigh = new long[n];
      long[] maskLow = new long[n];
      long[] address = new long[2];
      long[] ones = new long[2];
      for (int i = 0; i < n; i++) {
        String cidr = cidrs.get(i);
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!IpAddresses.parse(host, address)) {
          throw new IllegalArgumentException(
              where
                  + ": \""
                  + cidr
                  + "\" is not a CIDR block such as "
                  + "10.0.0.0/8 or 2001:db8::/32");
        }
        boolean v4 = IpAddresses.isV4Mapped(address[0], address[1]) && host.indexOf(':') < 0;
        int prefix = prefixOf(cidr, slash, v4 ? 32 : 128, where);
        IpAddresses.keepPrefix(-1L, -1L, v4 ? 96 + prefix : prefix, ones);
        maskHigh[i] = ones[0];
        maskLow[i] = ones[1];
        netHigh[i] = address[0] & ones[0];
        netLow[i] = address[1] & ones[1];
      }
      return new InCidr(field, netHigh, netLow, maskHigh, maskLow);
    }

    private static int prefixOf(String cidr, int slash, int maxBits, String where) {
      if (slash < 0) {
        return maxBits;
      }
      try {
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        if (prefix >= 0 && prefix <= maxBits) {
          return prefix;
        }
      } catch (NumberFormatException e) {
        // falls through to the error below, which says what a valid prefix is
      }
      throw new IllegalArgumentException(
          where + ": prefix of \"" + cidr + "\" must be 0.." + maxBits);
    }
  }
}
